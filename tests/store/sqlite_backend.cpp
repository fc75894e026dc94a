// The SQLite backend of the contract suite: each store on its own new file.
#include <unistd.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "store/backends.hpp"
#include "ticketcore/store/sqlite_store.hpp"

namespace {

// The files made by this process, removed (with their WAL files) when it exits.
class ScratchFiles {
 public:
  std::string next() {
    std::lock_guard lock(mutex_);
    auto path = (std::filesystem::temp_directory_path() /
                 ("tc_store_" + std::to_string(::getpid()) + "_" + std::to_string(paths_.size()) + ".db"))
                    .string();
    remove(path);
    paths_.push_back(path);
    return path;
  }
  ~ScratchFiles() {
    for (const auto& path : paths_) remove(path);
  }

 private:
  static void remove(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
  }
  std::mutex mutex_;
  std::vector<std::string> paths_;
};

ScratchFiles& scratch_files() {
  static ScratchFiles files;
  return files;
}

}  // namespace

std::unique_ptr<ticketcore::Store> SqliteBackend::make() {
  return ticketcore::SqliteStore::open(scratch_files().next());
}
