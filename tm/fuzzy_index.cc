#include "tm/fuzzy_index.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "corpus/error.h"

namespace tandem {
namespace {

constexpr char kMagic[8] = {'T', 'N', 'D', 'M', 'F', 'Z', 'I', '1'};
constexpr double kEpsilon = 1e-9;

struct Header {
  char magic[8];
  std::uint32_t lang;
  std::uint32_t reserved;
  std::int64_t generation;
  char instance[32];
  std::uint64_t units, vocabulary, seq_tokens, postings, vocab_chars;
};

std::size_t padded(std::size_t bytes) { return (bytes + 7) / 8 * 8; }

}  // namespace

// The bytes of an index: owned (just built) or a read-only file mapping.
struct FuzzyIndex::Image {
  std::vector<std::uint64_t> owned;  // uint64 so every array in it is 8-byte aligned
  void* mapped = nullptr;
  std::size_t mapped_size = 0;
  const std::byte* data() const {
    return mapped ? static_cast<const std::byte*>(mapped)
                  : reinterpret_cast<const std::byte*>(owned.data());
  }
  std::size_t size() const { return mapped ? mapped_size : owned.size() * 8; }
  const Header& header() const { return *reinterpret_cast<const Header*>(data()); }
  ~Image() {
    if (mapped) munmap(mapped, mapped_size);
  }
};

FuzzyIndex::FuzzyIndex(FuzzyIndex&&) noexcept = default;
FuzzyIndex& FuzzyIndex::operator=(FuzzyIndex&&) noexcept = default;
FuzzyIndex::~FuzzyIndex() = default;

void FuzzyIndex::attach() {
  const std::byte* base = image_->data();
  const std::size_t size = image_->size();
  if (size < sizeof(Header) || std::memcmp(image_->header().magic, kMagic, 8) != 0) {
    throw Error("not a Tandem fuzzy index");
  }
  const Header& h = image_->header();
  std::size_t offset = padded(sizeof(Header));
  auto take = [&](std::size_t count, std::size_t width) {
    std::size_t bytes = count * width;
    if (offset + bytes > size) throw Error("truncated Tandem fuzzy index");
    const std::byte* at = base + offset;
    offset += padded(bytes);
    return at;
  };
  unit_ids_ = {reinterpret_cast<const std::int64_t*>(take(h.units, 8)), h.units};
  seq_offsets_ = {reinterpret_cast<const std::uint64_t*>(take(h.units + 1, 8)), h.units + 1};
  seq_tokens_ = {reinterpret_cast<const TokenId*>(take(h.seq_tokens, 4)), h.seq_tokens};
  vocab_offsets_ = {reinterpret_cast<const std::uint64_t*>(take(h.vocabulary + 1, 8)),
                    h.vocabulary + 1};
  vocab_chars_ = {reinterpret_cast<const char*>(take(h.vocab_chars, 1)), h.vocab_chars};
  post_offsets_ = {reinterpret_cast<const std::uint64_t*>(take(h.vocabulary + 1, 8)),
                   h.vocabulary + 1};
  postings_ = {reinterpret_cast<const std::uint32_t*>(take(h.postings, 4)), h.postings};
  seen_.assign(h.units, 0);
  stamp_ = 0;
}

FuzzyIndex FuzzyIndex::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(Location::in_file(path), "cannot open fuzzy index");
  struct stat info {};
  if (fstat(fd, &info) != 0 || info.st_size < static_cast<off_t>(sizeof(Header))) {
    ::close(fd);
    throw Error(Location::in_file(path), "not a Tandem fuzzy index");
  }
  void* mapped =
      mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file alive
  if (mapped == MAP_FAILED) throw Error(Location::in_file(path), "cannot map fuzzy index");
  FuzzyIndex index;
  index.image_ = std::make_unique<Image>();
  index.image_->mapped = mapped;
  index.image_->mapped_size = static_cast<std::size_t>(info.st_size);
  try {
    index.attach();
  } catch (const Error& e) {
    throw Error(Location::in_file(path), e.what());
  }
  return index;
}

void FuzzyIndex::save(const std::string& path) const {
  std::string temp = fmt::format("{}.tmp-{}", path, ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(image_->data()),
              static_cast<std::streamsize>(image_->size()));
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw Error(Location::in_file(path), "cannot write fuzzy index");
    }
  }
  std::error_code error;
  std::filesystem::rename(temp, path, error);
  if (error) throw Error(Location::in_file(path), "cannot write fuzzy index: " + error.message());
}

Lang FuzzyIndex::lang() const { return static_cast<Lang>(image_->header().lang); }
std::int64_t FuzzyIndex::generation() const { return image_->header().generation; }
std::string FuzzyIndex::instance() const {
  const char* text = image_->header().instance;
  return std::string(text, strnlen(text, sizeof(Header::instance)));
}
std::size_t FuzzyIndex::size() const { return unit_ids_.size(); }
std::size_t FuzzyIndex::vocabulary_size() const { return vocab_offsets_.size() - 1; }
std::int64_t FuzzyIndex::unit_id(std::uint32_t index) const { return unit_ids_[index]; }
std::span<const TokenId> FuzzyIndex::tokens(std::uint32_t index) const {
  return seq_tokens_.subspan(seq_offsets_[index], seq_offsets_[index + 1] - seq_offsets_[index]);
}

std::optional<TokenId> FuzzyIndex::token_id(std::string_view key) const {
  // The vocabulary is sorted, so a token's id is its rank: binary search.
  std::size_t lo = 0, hi = vocabulary_size();
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    std::string_view word =
        vocab_chars_.substr(vocab_offsets_[mid], vocab_offsets_[mid + 1] - vocab_offsets_[mid]);
    if (word < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < vocabulary_size() &&
      vocab_chars_.substr(vocab_offsets_[lo], vocab_offsets_[lo + 1] - vocab_offsets_[lo]) == key) {
    return static_cast<TokenId>(lo);
  }
  return std::nullopt;
}

std::vector<TokenId> FuzzyIndex::query_ids(std::span<const std::string> keys) const {
  std::vector<TokenId> ids;
  std::vector<std::string_view> unknown;
  for (const std::string& key : keys) {
    if (auto id = token_id(key)) {
      ids.push_back(*id);
      continue;
    }
    auto at = std::find(unknown.begin(), unknown.end(), key);
    if (at == unknown.end()) at = unknown.insert(unknown.end(), key);
    ids.push_back(static_cast<TokenId>(vocabulary_size() + (at - unknown.begin())));
  }
  return ids;
}

namespace {

double similarity(std::size_t distance, std::size_t a, std::size_t b) {
  return 1.0 - static_cast<double>(distance) / static_cast<double>(std::max(a, b));
}

void sort_hits(std::vector<FuzzyIndex::Hit>& hits) {
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.unit_id < b.unit_id;
  });
}

}  // namespace

std::vector<FuzzyIndex::Hit> FuzzyIndex::search(std::span<const TokenId> query,
                                                double min_similarity) {
  stats_ = {};
  const std::size_t n = query.size();
  if (n == 0 || size() == 0) return {};
  if (min_similarity <= 0) return search_exhaustive(query, min_similarity);
  const double t = std::min(min_similarity, 1.0);
  const std::size_t need = static_cast<std::size_t>(std::ceil(t * n - kEpsilon));
  const std::size_t prefix = n - need + 1;
  const std::size_t min_length = need;
  const std::size_t max_length = static_cast<std::size_t>(std::floor(n / t + kEpsilon));

  auto frequency = [&](TokenId token) -> std::uint64_t {
    return token < vocabulary_size() ? post_offsets_[token + 1] - post_offsets_[token] : 0;
  };
  std::vector<TokenId> rarest(query.begin(), query.end());
  std::stable_sort(rarest.begin(), rarest.end(),
                   [&](TokenId a, TokenId b) { return frequency(a) < frequency(b); });
  rarest.resize(prefix);
  std::sort(rarest.begin(), rarest.end());
  rarest.erase(std::unique(rarest.begin(), rarest.end()), rarest.end());

  if (++stamp_ == 0) {  // wrapped: forget every old stamp
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
  BitParallelPattern pattern(query);
  std::vector<Hit> hits;
  auto length = [&](std::uint32_t unit) { return seq_offsets_[unit + 1] - seq_offsets_[unit]; };
  for (TokenId token : rarest) {
    if (token >= vocabulary_size()) continue;
    auto list = postings_.subspan(post_offsets_[token], frequency(token));
    auto it = std::partition_point(list.begin(), list.end(),
                                   [&](std::uint32_t unit) { return length(unit) < min_length; });
    for (; it != list.end(); ++it) {
      const std::uint32_t unit = *it;
      const std::size_t m = length(unit);
      if (m > max_length) break;
      if (seen_[unit] == stamp_) continue;
      seen_[unit] = stamp_;
      ++stats_.candidates;
      std::size_t distance = pattern.distance(tokens(unit));
      double score = similarity(distance, n, m);
      if (score >= t - kEpsilon) {
        hits.push_back({unit, unit_ids_[unit], static_cast<std::uint32_t>(distance), score});
      }
    }
  }
  sort_hits(hits);
  return hits;
}

std::vector<FuzzyIndex::Hit> FuzzyIndex::search_exhaustive(std::span<const TokenId> query,
                                                           double min_similarity) const {
  std::vector<Hit> hits;
  if (query.empty()) return hits;
  BitParallelPattern pattern(query);  // proven equal to edit_distance_dp by the tests
  for (std::uint32_t unit = 0; unit < size(); ++unit) {
    auto text = tokens(unit);
    std::size_t distance = pattern.distance(text);
    double score = similarity(distance, query.size(), text.size());
    if (score >= min_similarity - kEpsilon) {
      hits.push_back({unit, unit_ids_[unit], static_cast<std::uint32_t>(distance), score});
    }
  }
  sort_hits(hits);
  return hits;
}

FuzzyIndexBuilder::FuzzyIndexBuilder(Lang lang, std::string instance, std::int64_t generation)
    : lang_(lang), instance_(std::move(instance)), generation_(generation) {}

void FuzzyIndexBuilder::add(std::int64_t unit_id, std::span<const std::string> keys) {
  unit_ids_.push_back(unit_id);
  for (const std::string& key : keys) {
    auto [at, inserted] = vocabulary_.try_emplace(key, static_cast<std::uint32_t>(keys_.size()));
    if (inserted) keys_.push_back(key);
    tokens_.push_back(at->second);
  }
  offsets_.push_back(tokens_.size());
}

FuzzyIndex FuzzyIndexBuilder::finish() {
  const std::size_t units = unit_ids_.size();
  const std::size_t vocabulary = keys_.size();
  // Final ids are ranks in sorted order, so lookups can binary-search the vocabulary.
  std::vector<std::uint32_t> order(vocabulary);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<std::uint32_t> rank(vocabulary);
  for (std::uint32_t r = 0; r < vocabulary; ++r) rank[order[r]] = r;
  for (auto& token : tokens_) token = rank[token];

  // Posting lists sorted by (unit length, unit index): fill them visiting units in that order.
  std::vector<std::uint32_t> by_length(units);
  std::iota(by_length.begin(), by_length.end(), 0u);
  std::stable_sort(by_length.begin(), by_length.end(), [&](std::uint32_t a, std::uint32_t b) {
    return offsets_[a + 1] - offsets_[a] < offsets_[b + 1] - offsets_[b];
  });
  std::vector<std::uint64_t> post_offsets(vocabulary + 1, 0);
  std::vector<std::uint32_t> distinct;
  auto distinct_tokens = [&](std::uint32_t unit) {
    distinct.assign(tokens_.begin() + static_cast<std::ptrdiff_t>(offsets_[unit]),
                    tokens_.begin() + static_cast<std::ptrdiff_t>(offsets_[unit + 1]));
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  };
  for (std::uint32_t unit = 0; unit < units; ++unit) {
    distinct_tokens(unit);
    for (auto token : distinct) ++post_offsets[token + 1];
  }
  std::partial_sum(post_offsets.begin(), post_offsets.end(), post_offsets.begin());
  std::vector<std::uint32_t> postings(post_offsets.back());
  std::vector<std::uint64_t> fill(post_offsets.begin(), post_offsets.end() - 1);
  for (std::uint32_t unit : by_length) {
    distinct_tokens(unit);
    for (auto token : distinct) postings[fill[token]++] = unit;
  }
  std::vector<std::uint64_t> vocab_offsets{0};
  std::string vocab_chars;
  for (std::uint32_t r = 0; r < vocabulary; ++r) {
    vocab_chars += keys_[order[r]];
    vocab_offsets.push_back(vocab_chars.size());
  }

  Header header{};
  std::memcpy(header.magic, kMagic, 8);
  header.lang = static_cast<std::uint32_t>(lang_);
  header.generation = generation_;
  std::memcpy(header.instance, instance_.data(),
              std::min(instance_.size(), sizeof header.instance));
  header.units = units;
  header.vocabulary = vocabulary;
  header.seq_tokens = tokens_.size();
  header.postings = postings.size();
  header.vocab_chars = vocab_chars.size();

  std::string bytes;
  auto put = [&](const void* data, std::size_t size) {
    bytes.append(static_cast<const char*>(data), size);
    bytes.resize(padded(bytes.size()), '\0');
  };
  put(&header, sizeof header);
  put(unit_ids_.data(), units * 8);
  put(offsets_.data(), (units + 1) * 8);
  put(tokens_.data(), tokens_.size() * 4);
  put(vocab_offsets.data(), vocab_offsets.size() * 8);
  put(vocab_chars.data(), vocab_chars.size());
  put(post_offsets.data(), post_offsets.size() * 8);
  put(postings.data(), postings.size() * 4);

  FuzzyIndex index;
  index.image_ = std::make_unique<FuzzyIndex::Image>();
  index.image_->owned.resize(bytes.size() / 8);
  std::memcpy(index.image_->owned.data(), bytes.data(), bytes.size());
  index.attach();
  return index;
}

}  // namespace tandem
