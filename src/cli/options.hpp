#pragma once
// The command line, parsed once into plain values.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/batch.hpp"
#include "pipeline/run.hpp"
#include "text/settings.hpp"

namespace textmend::cli {

struct Options {
  std::vector<std::string> inputs;  // "-" is stdin
  bool list_rules = false;
  bool suggest = false;
  std::vector<std::string> enable;
  std::vector<std::string> disable;
  double min_confidence = 0.8;
  Settings settings;
  std::optional<std::filesystem::path> dict;
  std::optional<std::filesystem::path> personal_dict;
  std::optional<std::string> jsonl_field;  // --jsonl FIELD
  Mode mode;                               // output mode, writing, walking, threads
};

// Parses argv. Returns nullopt when the command was fully handled (--help,
// --version printed); throws Error (exit 2) on a usage error.
std::optional<Options> parse(int argc, char** argv);

}  // namespace textmend::cli
