#include "cli/app.hpp"

int main(int argc, char** argv) { return textmend::cli::run(argc, argv); }
