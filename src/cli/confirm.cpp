#include "cli/confirm.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace godwit::cli {
namespace {

// Prisma 7.10.1's `isCi` (its bundled ci-info check), variable for variable.
constexpr const char* kCiVariables[] = {
    "CI",
    "CONTINUOUS_INTEGRATION",
    "BUILD_NUMBER",
    "RUN_ID",
    "AGOLA_GIT_REF",
    "AC_APPCIRCLE",
    "APPVEYOR",
    "CODEBUILD",
    "TF_BUILD",
    "bamboo_planKey",
    "BITBUCKET_COMMIT",
    "BITRISE_IO",
    "BUDDY_WORKSPACE_ID",
    "BUILDKITE",
    "CIRCLECI",
    "CIRRUS_CI",
    "CF_BUILD_ID",
    "CM_BUILD_ID",
    "CI_NAME",
    "DRONE",
    "DSARI",
    "EARTHLY_CI",
    "EAS_BUILD",
    "GERRIT_PROJECT",
    "GITEA_ACTIONS",
    "GITHUB_ACTIONS",
    "GITLAB_CI",
    "GOCD",
    "BUILDER_OUTPUT",
    "HARNESS_BUILD_ID",
    "JENKINS_URL",
    "BUILD_ID",
    "LAYERCI",
    "MAGNUM",
    "NETLIFY",
    "NEVERCODE",
    "PROW_JOB_ID",
    "RELEASE_BUILD_ID",
    "RENDER",
    "SAILCI",
    "HUDSON",
    "SCREWDRIVER",
    "SEMAPHORE",
    "SOURCEHUT",
    "STRIDER",
    "TASK_ID",
    "TEAMCITY_VERSION",
    "TRAVIS",
    "VELA",
    "NOW_BUILDER",
    "APPCENTER_BUILD_ID",
    "CI_XCODE_PROJECT",
    "XCS",
};

}  // namespace

bool ci_detected() {
  for (const char* name : kCiVariables) {
    const char* value = std::getenv(name);
    // JavaScript truthiness, as Prisma tests `env.CI || ...`: an empty value is false.
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
}

bool can_prompt() {
  if (isatty(STDIN_FILENO) == 0) return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") return false;
  return !ci_detected();
}

std::optional<std::string> ask(std::string_view question) {
  std::cout << "? " << question << " \u203a " << std::flush;
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cout << "\n";
    return std::nullopt;
  }
  return line;
}

bool confirm(std::string_view question) {
  std::cout << "? " << question << " \u203a (y/N) " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return !answer.empty() && (answer.front() == 'y' || answer.front() == 'Y');
}

}  // namespace godwit::cli
