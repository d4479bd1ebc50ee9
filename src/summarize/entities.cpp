// Named entities without a trained model: runs of capitalised words, typed by the
// gazetteer, by cue words around them (titles, "group", "said") and by the words in
// them ("Ministry", "Party"), then merged so that a surname alone counts for the
// full name introduced earlier.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "summarize/extractors.hpp"
#include "summarize/names.hpp"
#include "text/stopwords.hpp"

namespace crbc::summarize::detail {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// Titles and roles before a person's name, capitalised or not ("President Trump",
// "attorney John Cole", "президент Лукашенко").
const WordSet kPersonCues{
    "president", "prime", "minister", "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame",
    "lord", "lady", "pope", "king", "queen", "prince", "princess", "chancellor", "senator", "sen",
    "governor", "gov", "mayor", "secretary", "general", "gen", "colonel", "col", "captain", "capt",
    "judge", "justice", "rep", "congressman", "congresswoman", "ambassador", "envoy", "special",
    "chief", "director", "spokesman", "spokeswoman", "spokesperson", "deputy", "vice", "premier",
    "sheikh", "emir", "archbishop", "bishop", "father", "rabbi", "imam", "coach", "officer",
    "sergeant", "lieutenant", "commander", "leader", "chairman", "chairwoman", "ceo", "patriarch",
    "attorney", "lawyer", "journalist", "activist", "analyst", "scientist", "commentator", "writer",
    "author", "economist", "politician", "striker", "midfielder", "defender", "goalkeeper",
    "manager", "actor", "actress", "singer", "businessman", "businesswoman", "blogger", "candidate",
    "founder", "official", "dissident", "priest", "pastor", "doctor", "nurse", "detective",
    "inspector", "sheriff", "prosecutor", "reporter", "editor", "director", "head", "boss",
    "dictator", "opponent", "rival", "husband", "wife", "son", "daughter", "brother", "sister",
    "mother", "friend", "colleague", "aide", "adviser", "advisor", "counsel", "herr", "frau",
    "monsieur", "madame", "señor", "señora", "don", "doña",
    // Russian, Ukrainian, Belarusian
    "президент", "премьер", "министр", "глава", "лидер", "председатель", "господин", "г-н",
    "генерал", "посол", "спикер", "мэр", "губернатор", "патриарх", "депутат", "политолог",
    "журналист", "адвокат", "пресс-секретарь", "правозащитник", "писатель", "прэзідэнт", "міністр",
    "голова", "прем'єр", "речник", "політолог", "журналіст", "старшыня", "пасол", "лідар",
    "кіраўнік", "палітолаг", "праваабаронца", "пісьменнік", "прэс-сакратар", "прес-секретар"};

// Nouns that introduce an organisation's name ("human rights group Viasna").
const WordSet kOrganizationCues{
    "group", "organization", "organisation", "company", "airline", "carrier", "agency", "party",
    "movement", "center", "centre", "newspaper", "outlet", "channel", "broadcaster", "network",
    "union", "bank", "firm", "ministry", "watchdog", "platform", "website", "magazine", "charity",
    "ngo", "publisher", "brand", "club", "team", "side", "operator", "giant", "maker", "retailer",
    "startup", "band", "label", "studio", "university", "school", "institute", "foundation",
    "association", "committee", "council", "service", "agency", "station", "portal", "tabloid",
    "daily", "weekly", "broadcaster", "insurer", "lender", "manufacturer", "corporation",
    // Russian, Ukrainian, Belarusian
    "группа", "организация", "компания", "авиакомпания", "партия", "движение", "центр", "газета",
    "издание", "агентство", "банк", "фонд", "союз", "телеканал", "портал", "група", "організація",
    "компанія", "авіакомпанія", "партія", "рух", "газета", "видання", "агенція", "арганізацыя",
    "кампанія", "авіякампанія", "партыя", "цэнтр", "выданне", "агенцтва", "праваабарончы",
    "правозащитный", "правозахисний"};

// Words inside a name that make it an organisation ("Ministry of Defence").
const WordSet kOrganizationWords{
    "party",       "ministry",     "council",      "union",      "bank",         "inc",
    "corp",        "ltd",          "llc",          "plc",        "group",        "agency",
    "committee",   "court",        "university",   "service",    "airlines",     "airways",
    "commission",  "organization", "organisation", "foundation", "institute",    "association",
    "center",      "centre",       "front",        "movement",   "army",         "police",
    "parliament",  "assembly",     "office",       "department", "watch",        "church",
    "company",     "news",         "times",        "post",       "press",        "club",
    "federation",  "league",       "network",      "fund",       "board",        "authority",
    "bureau",      "corporation",  "holdings",     "media",      "television",   "tv",
    "radio",       "school",       "college",      "academy",    "society",      "trust",
    "guard",       "forces",       "navy",         "senate",     "congress",     "cabinet",
    "government",  "alliance",     "coalition",    "embassy",    "fc",           "united",
    "gmbh",        "ag",           "sa",           "journal",    "herald",       "tribune",
    "партия",      "министерство", "совет",        "союз",       "банк",         "служба",
    "агентство",   "комитет",      "университет",  "центр",      "фонд",         "движение",
    "ассоциация",  "организация",  "компания",     "суд",        "парламент",    "дума",
    "рада",        "партія",       "міністерство", "служба",     "комітет",      "університет",
    "рух",         "організація",  "компанія",     "партыя",     "міністэрства", "камітэт",
    "універсітэт", "цэнтр",        "арганізацыя",  "кампанія"};

// Words inside a name that make it a place.
const WordSet kPlaceWords{"city",     "county", "province",  "region", "oblast",  "island",
                          "islands",  "river",  "mountains", "lake",   "sea",     "ocean",
                          "valley",   "street", "square",    "avenue", "airport", "district",
                          "republic", "state",  "область",   "район",  "улица",   "площадь",
                          "вуліца",   "плошча", "вулиця",    "площа"};

// Words inside a name that make it something crbc does not list (prizes, events, laws).
const WordSet kOtherWords{
    "prize",     "award",      "awards",   "cup",          "games",    "olympics", "war",
    "day",       "act",        "treaty",   "agreement",    "accord",   "summit",   "festival",
    "week",      "month",      "year",     "championship", "league",   "series",   "bill",
    "law",       "conference", "forum",    "christmas",    "easter",   "covid",    "january",
    "february",  "march",      "april",    "may",          "june",     "july",     "august",
    "september", "october",    "november", "december",     "monday",   "tuesday",  "wednesday",
    "thursday",  "friday",     "saturday", "sunday",       "internet", "premier",  "god",
    "allah",     "bible",      "koran",    "quran",        "премия",   "премія",   "прэмія"};

// Connectors that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
const WordSet kConnectors{"of",  "de",  "del", "della", "da", "di", "van", "von",
                          "der", "den", "bin", "al",    "la", "le", "du"};

// Before the name of an organisation: "founder of Viasna", "head of Belavia".
const WordSet kOfOrganizationCues{"founder",     "head",      "member",       "members",
                                  "director",    "chairman",  "leader",       "chief",
                                  "ceo",         "president", "spokesperson", "spokesman",
                                  "spokeswoman", "employee",  "staff"};

enum class Strength { none, weak, strong };

struct Mention {
  std::string key;
  std::string surface;
  std::optional<EntityType> type;
  std::string canonical;  // from the gazetteer
  bool sentence_start_single = false;
  std::size_t word_count = 0;
  std::size_t order = 0;
};

bool has_patronymic(std::string_view folded) {
  for (const std::string_view ending : {"вич", "вна", "віч", "ўна", "івна"}) {
    if (folded.size() > ending.size() + 2 && folded.ends_with(ending)) return true;
  }
  return false;
}

class EntityFinder {
 public:
  EntityFinder(std::string_view language) : stops_(text::stop_words(language)) {}

  void add_sentence(std::string_view passage, const std::vector<Word>& words) {
    sentences_.push_back(&words);
    passages_.push_back(passage);
  }

  std::vector<Entity> run() {
    for (const auto* words : sentences_) {
      for (const Word& word : *words) {
        if (!word.capitalized) lower_seen_.insert(word.folded);
      }
    }
    for (std::size_t s = 0; s < sentences_.size(); ++s) find_runs(passages_[s], *sentences_[s]);
    return resolve();
  }

 private:
  bool name_like(const Word& w) const {
    if (!w.capitalized || w.number) return false;
    if (kPersonCues.contains(w.folded)) return true;
    return w.all_caps || !stops_.contains(w.folded);
  }

  void find_runs(std::string_view passage, const std::vector<Word>& words) {
    std::size_t i = 0;
    while (i < words.size()) {
      if (!name_like(words[i])) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < words.size()) {
        if (words[j - 1].possessive || !only_space_between(passage, words[j - 1], words[j])) break;
        if (name_like(words[j])) {
          ++j;
          continue;
        }
        if (kConnectors.contains(words[j].folded) && !words[j].capitalized &&
            j + 1 < words.size() && name_like(words[j + 1]) && !words[j + 1].all_caps &&
            only_space_between(passage, words[j], words[j + 1])) {
          j += 2;
          continue;
        }
        break;
      }
      process_run(passage, words, i, j);
      i = j;
    }
  }

  void process_run(std::string_view passage, const std::vector<Word>& words, std::size_t start,
                   std::size_t end) {
    // Titles inside the run: the name is what follows the last one.
    std::size_t first_title = end;
    std::size_t last_title = end;
    for (std::size_t k = start; k < end; ++k) {
      if (kPersonCues.contains(words[k].folded) && !words[k].all_caps) {
        if (first_title == end) first_title = k;
        last_title = k;
      }
    }
    Strength person = Strength::none;
    bool organization_cue = false;
    if (first_title != end) {
      for (std::size_t k = start; k < first_title; ++k) add_known_only(words, k, k + 1);
      if (last_title + 1 >= end) return;
      start = last_title + 1;
      person = Strength::strong;
      // "Президент Беларуси Александр Лукашенко": a known place after the title is
      // the title's, not the name's.
      while (start + 1 < end && gazetteer().contains(name_key(words[start].text))) {
        add_known_only(words, start, start + 1);
        ++start;
      }
    }
    if (start > 0 && only_space_between(passage, words[start - 1], words[start], true)) {
      const Word& before = words[start - 1];
      if (!before.capitalized && kPersonCues.contains(before.folded)) person = Strength::strong;
      if (!before.capitalized && kOrganizationCues.contains(before.folded)) organization_cue = true;
      if (before.folded == "of" && start >= 2 &&
          kOfOrganizationCues.contains(words[start - 2].folded)) {
        organization_cue = true;
      }
    }
    // A verb of speech after a name makes it a person ("Karbalevich said").
    if (end < words.size() && speech_verb_at(words, end) > 0 && person == Strength::none) {
      person = Strength::weak;
    }
    add_mention(words, start, end, person, organization_cue);
  }

  // Words before a title ("U.S. President ...") count only when the gazetteer knows them.
  void add_known_only(const std::vector<Word>& words, std::size_t start, std::size_t end) {
    const std::string surface = surface_of(words, start, end);
    const auto& known = gazetteer();
    const auto it = known.find(name_key(surface));
    if (it == known.end()) return;
    mentions_.push_back({name_key(surface), surface, it->second.type, it->second.canonical, false,
                         end - start, mentions_.size()});
  }

  static std::string surface_of(const std::vector<Word>& words, std::size_t start,
                                std::size_t end) {
    std::string surface;
    for (std::size_t k = start; k < end; ++k) {
      if (!surface.empty()) surface += ' ';
      surface += words[k].text;
    }
    return surface;
  }

  void add_mention(const std::vector<Word>& words, std::size_t start, std::size_t end,
                   Strength person, bool organization_cue) {
    // A capitalised first word of a sentence that the text also writes in lower
    // case is an ordinary word ("Observers", "Human rights group ...").
    if (words[start].sentence_start && end - start >= 2 &&
        lower_seen_.contains(words[start].folded)) {
      ++start;
    }
    const std::string surface = surface_of(words, start, end);
    Mention mention;
    mention.key = name_key(surface);
    if (mention.key.empty()) return;
    mention.surface = surface;
    mention.word_count = end - start;
    mention.order = mentions_.size();
    const bool single = end - start == 1;

    const auto& known = gazetteer();
    if (const auto it = known.find(mention.key); it != known.end()) {
      mention.type = it->second.type;
      mention.canonical = it->second.canonical;
      mentions_.push_back(std::move(mention));
      return;
    }
    bool other = false;
    bool org_word = false;
    bool place_word = false;
    bool patronymic = false;
    for (std::size_t k = start; k < end; ++k) {
      other = other || kOtherWords.contains(words[k].folded);
      org_word = org_word || kOrganizationWords.contains(words[k].folded);
      place_word = place_word || kPlaceWords.contains(words[k].folded);
      patronymic = patronymic || has_patronymic(words[k].folded);
    }
    if (org_word) {
      mention.type = EntityType::organization;
    } else if (other) {
      return;
    } else if (place_word) {
      mention.type = EntityType::place;
    } else if (organization_cue) {
      mention.type = EntityType::organization;
    } else if (person == Strength::strong || patronymic) {
      mention.type = EntityType::person;
    } else if (person == Strength::weak && !(single && words[start].sentence_start)) {
      mention.type = EntityType::person;
    } else if (single && words[start].all_caps && words[start].text.size() <= 6 &&
               words[start].text.size() >= 2) {
      mention.type = EntityType::organization;  // acronyms: NATO, OSCE
    } else if (!single && end - start <= 4 && !words[start].all_caps) {
      mention.type = EntityType::person;
    }
    mention.sentence_start_single = single && words[start].sentence_start;
    mentions_.push_back(std::move(mention));
  }

  struct Group {
    std::string canonical;
    EntityType type = EntityType::person;
    std::string key;
    std::size_t mentions = 0;
    std::size_t first = 0;
    std::vector<std::string> surfaces;
    std::vector<std::string> words;  // keys of the canonical's words
  };

  static std::vector<std::string> split_key(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= key.size()) {
      const std::size_t space = std::min(key.find(' ', pos), key.size());
      if (space > pos) parts.push_back(key.substr(pos, space - pos));
      pos = space + 1;
    }
    return parts;
  }

  std::vector<Entity> resolve() {
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> by_key;  // mention key or canonical -> group
    const auto group_for = [&](const std::string& key, const std::string& name, EntityType type,
                               std::size_t order) -> Group& {
      auto it = by_key.find(key);
      if (it == by_key.end()) {
        Group group;
        group.canonical = name;
        group.type = type;
        group.key = key;
        group.first = order;
        group.words = split_key(key);
        groups.push_back(std::move(group));
        it = by_key.emplace(key, groups.size() - 1).first;
      }
      return groups[it->second];
    };
    const auto add_surface = [](Group& group, const std::string& surface) {
      ++group.mentions;
      group.surfaces.push_back(surface);
    };

    // 1. Typed multi-word names and gazetteer names form the groups.
    for (const Mention& m : mentions_) {
      if (!m.type) continue;
      if (!m.canonical.empty()) {
        add_surface(group_for(name_key(m.canonical), m.canonical, *m.type, m.order), m.surface);
      } else if (m.word_count >= 2) {
        add_surface(group_for(m.key, m.surface, *m.type, m.order), m.surface);
      }
    }
    // 2. Shorter forms join a longer person name that ends (or starts) with them.
    std::vector<const Mention*> pending;
    for (const Mention& m : mentions_) {
      if (!m.canonical.empty() || (m.type && m.word_count >= 2)) continue;
      if (by_key.contains(m.key)) {
        add_surface(groups[by_key[m.key]], m.surface);
        continue;
      }
      const auto parts = split_key(m.key);
      Group* best = nullptr;
      for (Group& group : groups) {
        if (group.type != EntityType::person || group.words.size() <= parts.size()) continue;
        const bool suffix = std::equal(parts.rbegin(), parts.rend(), group.words.rbegin());
        if (suffix && (best == nullptr || group.mentions > best->mentions)) best = &group;
      }
      if (best != nullptr && (!m.type || *m.type == EntityType::person)) {
        add_surface(*best, m.surface);
      } else {
        pending.push_back(&m);
      }
    }
    // 3. Single names typed by their own cues stand alone.
    for (const Mention* m : pending) {
      if (!m->type) continue;
      if (m->sentence_start_single && *m->type != EntityType::organization) continue;
      add_surface(group_for(m->key, m->surface, *m->type, m->order), m->surface);
    }
    // Untyped single names seen again later, typed by another mention.
    for (const Mention* m : pending) {
      if (m->type) continue;
      if (const auto it = by_key.find(m->key); it != by_key.end())
        add_surface(groups[it->second], m->surface);
    }
    return to_entities(groups);
  }

  static std::vector<Entity> to_entities(std::vector<Group>& groups) {
    std::vector<Entity> entities;
    for (Group& group : groups) {
      if (group.mentions == 0) continue;
      Entity entity;
      entity.type = group.type;
      entity.mentions = group.mentions;
      entity.name = group.canonical;
      // The longest form seen names the entity unless the gazetteer gave one.
      for (const auto& surface : group.surfaces) {
        if (name_key(surface) == group.key && surface.size() > entity.name.size() &&
            group.words.size() >= 2) {
          entity.name = surface;
        }
      }
      const std::string canonical_key = name_key(entity.name);
      std::unordered_set<std::string> seen_keys{canonical_key};
      for (const auto& surface : group.surfaces) {
        if (seen_keys.insert(name_key(surface)).second) entity.aliases.push_back(surface);
      }
      entities.push_back(std::move(entity));
    }
    std::stable_sort(entities.begin(), entities.end(),
                     [](const Entity& a, const Entity& b) { return a.mentions > b.mentions; });
    return entities;
  }

  const text::StopWords& stops_;
  std::vector<const std::vector<Word>*> sentences_;
  std::vector<std::string_view> passages_;
  std::unordered_set<std::string> lower_seen_;
  std::vector<Mention> mentions_;
};

}  // namespace

std::vector<Entity> extract_entities(const std::vector<Passage>& passages,
                                     const std::vector<SentenceWords>& sentences,
                                     std::string_view language) {
  EntityFinder finder(language);
  for (const SentenceWords& sentence : sentences) {
    finder.add_sentence(passages[sentence.passage].text, sentence.words);
  }
  return finder.run();
}

}  // namespace crbc::summarize::detail
