// Helpers shared by the related tests: small articles on a few clear topics.
#pragma once

#include <filesystem>
#include <string>

#include "model/article.hpp"
#include "support/temp_dir.hpp"

namespace related_test {

inline crbc::model::Article article(const std::string& url, const std::string& title,
                                    const std::string& text, const std::string& published = "",
                                    const std::string& canonical = "") {
  crbc::model::Article a;
  a.url = url;
  a.canonical_url = canonical;
  a.title = title;
  a.language = "en";
  a.published = published;
  a.body.emplace_back(crbc::model::Paragraph{crbc::model::RichText{text, {}}});
  return a;
}

// Three topics, two to three articles each, sharing only everyday words.
inline std::vector<crbc::model::Article> topic_corpus() {
  return {
      article("https://a.example/cocoa-1", "Cocoa harvest improves in Bahia",
              "Rains in the Bahia cocoa zone improved the cocoa harvest. Cocoa farmers expect "
              "larger cocoa bean arrivals and exporters see lower cocoa prices this season.",
              "2024-03-01"),
      article("https://b.example/cocoa-2", "Ghana cocoa purchases rise",
              "The Ghana cocoa board said cocoa purchases rose. Cocoa bean exporters and farmers "
              "report a strong harvest season for cocoa.",
              "2024-03-20"),
      article("https://a.example/cocoa-3", "Ivory Coast cocoa exports",
              "Ivory Coast cocoa exports grew as the cocoa harvest and bean quality improved for "
              "farmers and exporters.",
              "2023-01-10"),
      article("https://a.example/oil-1", "Oil prices climb as OPEC cuts output",
              "Crude oil prices climbed after OPEC ministers agreed to cut crude output. Oil "
              "traders said barrels of crude were scarce in refineries.",
              "2024-03-02"),
      article("https://b.example/oil-2", "OPEC output cut lifts crude",
              "OPEC oil ministers cut crude oil output and crude prices rose. Refineries bought "
              "more barrels as oil traders reacted.",
              "2024-03-05"),
      article("https://a.example/chess-1", "Grandmaster wins chess championship",
              "The grandmaster won the chess championship with a daring queen sacrifice. Chess "
              "players praised the endgame and the opening preparation.",
              "2024-02-01"),
      article("https://b.example/chess-2", "Chess final ends in queen endgame",
              "A chess final between two grandmasters ended in a queen endgame. The chess "
              "champion prepared a sharp opening for the championship.",
              "2024-02-03"),
  };
}

// A temporary directory removed at the end of the test.
class TempDir : public crbc::testing::TemporaryDirectory {
 public:
  TempDir() : TemporaryDirectory("crbc-related") {}
};

}  // namespace related_test
