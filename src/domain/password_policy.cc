#include "domain/password_policy.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "common/ascii.h"
#include "domain/graph_errors.h"

namespace admin365 {

namespace {

// Common base words of breached passwords, normalised (lower case, 0->o 1->l $->s @->a).
// Terms are 5+ characters so that the one-edit fuzzy match does not catch random text.
constexpr std::string_view kBannedTerms[] = {
    "password", "passwort", "welcome",  "qwerty",    "qwertz",    "azerty",   "letmein",
    "admin",    "iloveyou", "monkey",   "dragon",    "football",  "baseball", "sunshine",
    "princess", "abcl23",   "l23456",   "l2345678",  "l23456789", "llllll",   "trustnol",
    "master",   "shadow",   "superman", "batman",    "michael",   "jennifer", "charlie",
    "starwars", "hello",    "freedom",  "whatever",  "computer",  "internet", "secret",
    "changeme", "default",  "summer",   "winter",    "spring",    "autumn",   "january",
    "february", "march",    "april",    "august",    "september", "october",  "november",
    "december", "monday",   "friday",   "microsoft", "office",    "office365", "windows",
    "azure",    "outlook",  "teams",    "contoso",   "fabrikam",  "company",  "login",
    "access",   "qazwsx",   "zaqlzaq",  "asdfgh",    "zxcvbn",    "pokemon",  "soccer",
    "hockey",   "killer",   "mustang",  "passpass",  "temporary", "newuser",  "student",
};

std::string Normalize(std::string_view text) {
  std::string out = AsciiLower(text);
  for (char& c : out) {
    switch (c) {
      case '0': c = 'o'; break;
      case '1': c = 'l'; break;
      case '$': c = 's'; break;
      case '@': c = 'a'; break;
      default: break;
    }
  }
  return out;
}

// True if `a` and `b` are at most one insertion, deletion or substitution apart.
bool WithinOneEdit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

struct Span {
  std::size_t begin;
  std::size_t end;
};

// Every window of `password` that matches `term` (fuzzily if asked), longest first.
void FindMatches(std::string_view password, std::string_view term, bool fuzzy,
                 std::vector<Span>& out) {
  if (term.empty()) return;
  if (!fuzzy) {
    for (std::size_t at = password.find(term); at != std::string_view::npos;
         at = password.find(term, at + 1)) {
      out.push_back({at, at + term.size()});
    }
    return;
  }
  for (std::size_t length = term.size() + 1; length + 1 >= term.size() && length > 0; --length) {
    for (std::size_t at = 0; at + length <= password.size(); ++at) {
      if (WithinOneEdit(password.substr(at, length), term)) out.push_back({at, at + length});
    }
  }
}

}  // namespace

std::span<const std::string_view> GlobalBannedPasswords() { return kBannedTerms; }

int BannedPasswordScore(std::string_view password, const PasswordContext& context) {
  const std::string normalized = Normalize(password);
  std::vector<Span> matches;
  for (std::string_view term : kBannedTerms) FindMatches(normalized, term, true, matches);
  for (std::string_view personal : {context.given_name, context.surname, context.tenant_name}) {
    if (personal.size() >= 4) FindMatches(normalized, Normalize(personal), false, matches);
  }
  // Count non-overlapping matches, taking the longest first, then the uncovered rest.
  std::stable_sort(matches.begin(), matches.end(), [](const Span& a, const Span& b) {
    return (a.end - a.begin) > (b.end - b.begin);
  });
  std::vector<bool> covered(normalized.size(), false);
  int score = 0;
  for (const Span& match : matches) {
    if (std::any_of(covered.begin() + match.begin, covered.begin() + match.end,
                    [](bool c) { return c; })) {
      continue;
    }
    std::fill(covered.begin() + match.begin, covered.begin() + match.end, true);
    ++score;
  }
  score += static_cast<int>(std::count(covered.begin(), covered.end(), false));
  return score;
}

Status CheckPassword(std::string_view password, const PasswordContext& context) {
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return Fail(errors::PasswordComplexity());
  }
  bool lower = false, upper = false, digit = false, symbol = false;
  for (char c : password) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) return Fail(errors::PasswordComplexity());
    if (std::islower(u)) {
      lower = true;
    } else if (std::isupper(u)) {
      upper = true;
    } else if (std::isdigit(u)) {
      digit = true;
    } else {
      symbol = true;
    }
  }
  if (context.strong && lower + upper + digit + symbol < 3) {
    return Fail(errors::PasswordComplexity());
  }
  if (context.alias.size() >= 3 &&
      AsciiLower(password).find(AsciiLower(context.alias)) != std::string::npos) {
    return Fail(errors::PasswordComplexity());
  }
  if (BannedPasswordScore(password, context) < 5) return Fail(errors::PasswordComplexity());
  return Ok();
}

}  // namespace admin365
