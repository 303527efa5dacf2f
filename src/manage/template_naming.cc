#include "manage/template_naming.h"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <charconv>
#include <memory>

#include "common/ascii.h"
#include "domain/upn.h"
#include "domain/user_properties.h"
#include "manage/template.h"

namespace admin365::manage {

namespace {

// Romanisations for the alphabets we accept; Latin-ASCII then strips accents and spells
// out ligatures. Any-Latin covers Armenian and Georgian.
constexpr char kTransliteratorId[] =
    "Russian-Latin/BGN; Greek-Latin/UNGEGN; Any-Latin; Latin-ASCII";

bool IsTransliteratedScript(UScriptCode script) {
  switch (script) {
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED:
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_CYRILLIC:
    case USCRIPT_ARMENIAN:
    case USCRIPT_GEORGIAN:
      return true;
    default:
      return false;
  }
}

// One transliterator per thread: ICU's are not safe to share between threads.
Result<icu::Transliterator*> ThreadTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator;
  if (!transliterator) {
    UErrorCode status = U_ZERO_ERROR;
    transliterator.reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kTransliteratorId), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator) {
      transliterator.reset();
      return Fail(
          Error::Internal(fmt::format("ICU transliterator unavailable: {}", u_errorName(status))));
    }
  }
  return transliterator.get();
}

bool IsLocalPartCharacter(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("'.-_!#^~").find(c) != std::string_view::npos;
}

// Drops a trailing '.' (not allowed before '@').
void TrimTrailingDots(std::string& text) {
  while (!text.empty() && text.back() == '.') text.pop_back();
}

std::string CleanLocalPart(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!IsLocalPartCharacter(c)) continue;
    if (c == '.' && (out.empty() || out.back() == '.')) continue;
    out += c;
  }
  if (out.size() > kMaxUpnAliasLength) out.resize(kMaxUpnAliasLength);
  TrimTrailingDots(out);
  return out;
}

// The first `count` code points of UTF-8 `text`.
std::string FirstCharacters(std::string_view text, std::size_t count) {
  std::size_t at = 0;
  for (std::size_t taken = 0; at < text.size() && taken < count; ++taken) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return std::string(text.substr(0, at));
}

struct Placeholder {
  std::string attribute;
  std::size_t length = 0;  // 0: the whole value
};

struct PatternPart {
  std::string literal;
  std::optional<Placeholder> placeholder;
};

Result<std::vector<PatternPart>> ParsePattern(std::string_view pattern, std::string_view what) {
  std::vector<PatternPart> parts;
  auto invalid = [&](std::string_view why) {
    return Fail(InvalidTemplate(fmt::format("{} pattern \"{}\": {}", what, pattern, why),
                                std::string(what)));
  };
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find_first_of("{}", at);
    if (open == std::string_view::npos) {
      parts.push_back({.literal = std::string(pattern.substr(at))});
      break;
    }
    if (pattern[open] == '}') return invalid("'}' without '{'");
    if (open > at) parts.push_back({.literal = std::string(pattern.substr(at, open - at))});
    const std::size_t close = pattern.find('}', open);
    if (close == std::string_view::npos) return invalid("'{' without '}'");
    std::string_view inside = pattern.substr(open + 1, close - open - 1);
    if (inside.find('{') != std::string_view::npos) return invalid("'{' inside a placeholder");
    Placeholder placeholder;
    if (const std::size_t colon = inside.find(':'); colon != std::string_view::npos) {
      const std::string_view digits = inside.substr(colon + 1);
      const auto [end, error] =
          std::from_chars(digits.data(), digits.data() + digits.size(), placeholder.length);
      if (error != std::errc() || end != digits.data() + digits.size() || placeholder.length < 1 ||
          placeholder.length > 64) {
        return invalid(fmt::format("\"{}\" is not a length from 1 to 64", digits));
      }
      inside = inside.substr(0, colon);
    }
    const UserProperty* property = FindUserProperty(inside);
    if (inside.empty()) return invalid("an empty placeholder");
    if (property == nullptr || (property->type != PropertyType::kString &&
                                property->type != PropertyType::kRequiredString)) {
      return invalid(fmt::format("\"{}\" is not a text property of a user", inside));
    }
    placeholder.attribute = std::string(property->name);
    parts.push_back({.placeholder = std::move(placeholder)});
    at = close + 1;
  }
  return parts;
}

}  // namespace

Result<std::vector<std::string>> PatternAttributes(std::string_view pattern,
                                                   std::string_view what) {
  ASSIGN_OR_RETURN(const std::vector<PatternPart> parts, ParsePattern(pattern, what));
  std::vector<std::string> attributes;
  for (const PatternPart& part : parts) {
    if (part.placeholder) attributes.push_back(part.placeholder->attribute);
  }
  return attributes;
}

Result<std::string> TransliterateToAscii(std::string_view text, std::string_view field) {
  if (IsAscii(text)) return std::string(text);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
  for (std::int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(unicode.char32At(i), &status);
    if (U_SUCCESS(status) && !IsTransliteratedScript(script)) {
      return Fail(RejectedInput(
          fmt::format("{} \"{}\" is in the {} script, which admin365 does not transliterate; "
                      "give userPrincipalName and mailNickname in Latin letters",
                      field, text, uscript_getName(script)),
          std::string(field)));
    }
  }
  ASSIGN_OR_RETURN(icu::Transliterator * transliterator, ThreadTransliterator());
  transliterator->transliterate(unicode);
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

Result<std::string> BuildLocalPart(std::string_view pattern, const AttributeLookup& values,
                                   bool lower_case, std::string_view what) {
  ASSIGN_OR_RETURN(const std::vector<PatternPart> parts, ParsePattern(pattern, what));
  std::string built;
  for (const PatternPart& part : parts) {
    if (!part.placeholder) {
      built += part.literal;
      continue;
    }
    const std::string& attribute = part.placeholder->attribute;
    const std::optional<std::string> value = values(attribute);
    if (!value || value->empty()) {
      return Fail(RejectedInput(fmt::format("cannot build {} from \"{}\": {} is empty; give {}",
                                            what, pattern, attribute, attribute),
                                std::string(what)));
    }
    ASSIGN_OR_RETURN(std::string ascii, TransliterateToAscii(*value, attribute));
    if (part.placeholder->length > 0) ascii = FirstCharacters(ascii, part.placeholder->length);
    built += ascii;
  }
  if (lower_case) built = AsciiLower(built);
  std::string local_part = CleanLocalPart(built);
  if (local_part.empty()) {
    return Fail(RejectedInput(
        fmt::format("cannot build {} from \"{}\": no allowed character is left", what, pattern),
        std::string(what)));
  }
  return local_part;
}

Result<std::string> BuildDisplayName(std::string_view pattern, const AttributeLookup& values) {
  ASSIGN_OR_RETURN(const std::vector<PatternPart> parts, ParsePattern(pattern, "displayName"));
  std::string built;
  for (const PatternPart& part : parts) {
    if (!part.placeholder) {
      built += part.literal;
      continue;
    }
    const std::string value = values(part.placeholder->attribute).value_or("");
    built +=
        part.placeholder->length > 0 ? FirstCharacters(value, part.placeholder->length) : value;
  }
  std::string display_name;
  for (char c : built) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (display_name.empty() || display_name.back() == ' ')) continue;
    display_name += space ? ' ' : c;
  }
  if (!display_name.empty() && display_name.back() == ' ') display_name.pop_back();
  if (display_name.empty()) {
    return Fail(RejectedInput(
        fmt::format("cannot build displayName from \"{}\": every attribute it names is empty",
                    pattern),
        "displayName"));
  }
  return display_name;
}

std::string WithNumber(std::string_view local_part, int number) {
  const std::string suffix = std::to_string(number);
  std::string base(local_part.substr(0, kMaxUpnAliasLength - suffix.size()));
  TrimTrailingDots(base);
  return base + suffix;
}

}  // namespace admin365::manage
