#include "manage/template_naming.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

namespace admin365::manage {
namespace {

using Attributes = std::map<std::string, std::string, std::less<>>;

AttributeLookup Lookup(const Attributes& attributes) {
  return [&attributes](std::string_view name) -> std::optional<std::string> {
    const auto it = attributes.find(name);
    return it == attributes.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

std::string LocalPart(const Attributes& attributes,
                      std::string_view pattern = "{givenName}.{surname}", bool lower = true) {
  auto built = BuildLocalPart(pattern, Lookup(attributes), lower, "userPrincipalName");
  EXPECT_TRUE(built.has_value()) << built.error().message;
  return built.value_or("");
}

std::string LocalPartError(const Attributes& attributes,
                           std::string_view pattern = "{givenName}.{surname}") {
  auto built = BuildLocalPart(pattern, Lookup(attributes), true, "userPrincipalName");
  EXPECT_FALSE(built.has_value());
  return built ? "" : built.error().message;
}

TEST(TemplateNaming, LowerCasesAndJoinsWithTheLiteralText) {
  EXPECT_EQ(LocalPart({{"givenName", "John"}, {"surname", "Smith"}}), "john.smith");
  EXPECT_EQ(LocalPart({{"givenName", "John"}, {"surname", "Smith"}}, "{surname}_{givenName}"),
            "smith_john");
}

TEST(TemplateNaming, KeepsCaseWhenTheTemplateSaysSo) {
  EXPECT_EQ(
      LocalPart({{"givenName", "John"}, {"surname", "Smith"}}, "{givenName}.{surname}", false),
      "John.Smith");
}

TEST(TemplateNaming, TakesTheFirstCharactersOfAPlaceholder) {
  EXPECT_EQ(LocalPart({{"givenName", "John"}, {"surname", "Smith"}}, "{givenName:1}{surname}"),
            "jsmith");
  EXPECT_EQ(LocalPart({{"givenName", "Élodie"}, {"surname", "Durand"}}, "{givenName:2}{surname:3}"),
            "eldur");
}

TEST(TemplateNaming, TransliteratesLatinAccentsAndLigatures) {
  EXPECT_EQ(LocalPart({{"givenName", "Zoë"}, {"surname", "Ångström-Łukasiewicz"}}),
            "zoe.angstrom-lukasiewicz");
  EXPECT_EQ(LocalPart({{"givenName", "Æsa"}, {"surname", "Straße"}}), "aesa.strasse");
  EXPECT_EQ(LocalPart({{"givenName", "Şükrü"}, {"surname", "Çağlar"}}), "sukru.caglar");
  EXPECT_EQ(LocalPart({{"givenName", "Nguyễn"}, {"surname", "Đức"}}), "nguyen.duc");
}

TEST(TemplateNaming, RomanisesGreekAndCyrillic) {
  EXPECT_EQ(LocalPart({{"givenName", "Γιώργος"}, {"surname", "Παπαδόπουλος"}}),
            "giorgos.papadopoulos");
  EXPECT_EQ(LocalPart({{"givenName", "Юлия"}, {"surname", "Щербакова"}}), "yuliya.shcherbakova");
}

TEST(TemplateNaming, RefusesScriptsWithoutOneRomanisation) {
  EXPECT_EQ(LocalPartError({{"givenName", "李小龍"}, {"surname", "Lee"}}),
            "givenName \"李小龍\" is in the Han script, which admin365 does not transliterate; "
            "give userPrincipalName and mailNickname in Latin letters");
  EXPECT_EQ(LocalPartError({{"givenName", "Omar"}, {"surname", "محمد"}}),
            "surname \"محمد\" is in the Arabic script, which admin365 does not transliterate; "
            "give userPrincipalName and mailNickname in Latin letters");
  auto refused = TransliterateToAscii("さくら", "givenName");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().target, "givenName");
  EXPECT_EQ(refused.error().code, "Template_InputRejected");
}

TEST(TemplateNaming, DropsSpacesAndDisallowedCharacters) {
  EXPECT_EQ(LocalPart({{"givenName", "Mary Ann"}, {"surname", "O'Neil, Jr."}}), "maryann.o'neiljr");
  EXPECT_EQ(LocalPart({{"givenName", "A (B)"}, {"surname", "C@D;E"}}), "ab.cde");
}

TEST(TemplateNaming, CollapsesAndTrimsDots) {
  EXPECT_EQ(LocalPart({{"givenName", ".John."}, {"surname", "..Smith"}}), "john.smith");
}

TEST(TemplateNaming, CutsToSixtyFourCharacters) {
  const std::string local_part =
      LocalPart({{"givenName", std::string(40, 'a')}, {"surname", std::string(40, 'b')}});
  EXPECT_EQ(local_part, std::string(40, 'a') + "." + std::string(23, 'b'));
  EXPECT_EQ(LocalPart({{"givenName", std::string(63, 'a')}, {"surname", "b"}}),
            std::string(63, 'a'));  // the cut leaves a trailing '.', which goes
}

TEST(TemplateNaming, RefusesAnEmptyAttributeOrAnEmptyResult) {
  EXPECT_EQ(LocalPartError({{"givenName", "John"}}),
            "cannot build userPrincipalName from \"{givenName}.{surname}\": surname is empty; "
            "give surname");
  EXPECT_EQ(LocalPartError({{"givenName", "()"}, {"surname", "[]"}}),
            "cannot build userPrincipalName from \"{givenName}.{surname}\": no allowed "
            "character is left");
}

TEST(TemplateNaming, NumbersFitInSixtyFourCharacters) {
  EXPECT_EQ(WithNumber("john.smith", 2), "john.smith2");
  EXPECT_EQ(WithNumber(std::string(64, 'a'), 12), std::string(62, 'a') + "12");
  EXPECT_EQ(WithNumber(std::string(62, 'a') + ".b", 12), std::string(62, 'a') + "12");
}

TEST(TemplateNaming, DisplayNameKeepsTheValuesAsWritten) {
  const Attributes zoe{{"givenName", "Zoë"}, {"surname", "Ångström"}};
  EXPECT_EQ(*BuildDisplayName("{givenName} {surname}", Lookup(zoe)), "Zoë Ångström");
  EXPECT_EQ(*BuildDisplayName("{surname}, {givenName:1}.", Lookup(zoe)), "Ångström, Z.");
  const Attributes cher{{"givenName", "Cher"}};
  EXPECT_EQ(*BuildDisplayName("  {givenName}   {surname} ", Lookup(cher)), "Cher");
  EXPECT_EQ(BuildDisplayName("{surname}", Lookup(cher)).error().message,
            "cannot build displayName from \"{surname}\": every attribute it names is empty");
}

TEST(TemplateNaming, PatternErrorsNameThePattern) {
  EXPECT_EQ(*PatternAttributes("{givenName:1}{surname}", "userPrincipalName"),
            (std::vector<std::string>{"givenName", "surname"}));
  EXPECT_EQ(PatternAttributes("{favouriteColour}", "userPrincipalName").error().message,
            "userPrincipalName pattern \"{favouriteColour}\": \"favouriteColour\" is not a text "
            "property of a user");
  EXPECT_EQ(PatternAttributes("{givenName", "mailNickname").error().message,
            "mailNickname pattern \"{givenName\": '{' without '}'");
  EXPECT_EQ(PatternAttributes("givenName}", "mailNickname").error().message,
            "mailNickname pattern \"givenName}\": '}' without '{'");
  EXPECT_EQ(PatternAttributes("{givenName:0}", "displayName").error().message,
            "displayName pattern \"{givenName:0}\": \"0\" is not a length from 1 to 64");
  EXPECT_EQ(PatternAttributes("{accountEnabled}", "displayName").error().message,
            "displayName pattern \"{accountEnabled}\": \"accountEnabled\" is not a text property "
            "of a user");
}

}  // namespace
}  // namespace admin365::manage
