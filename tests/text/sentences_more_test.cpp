// More sentence-splitting rows: news prose as agencies write it, in the languages
// crbc must handle. Same format as sentences_test.cpp.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>

#include "text/text.hpp"

namespace {

struct Case {
  std::string_view language;
  std::string_view input;
  std::string_view expected;  // sentences joined by " | "
};

std::string joined(std::string_view text, std::string_view language) {
  std::string out;
  for (const auto& sentence : crbc::text::split_sentences(text, language)) {
    if (!out.empty()) out += " | ";
    out += sentence.text;
  }
  return out;
}

// clang-format off
const Case kCases[] = {
    // Datelines, bylines and agency style
    {"en", "LONDON (Reuters) - Shares fell on Monday. Bonds rose.", "LONDON (Reuters) - Shares fell on Monday. | Bonds rose."},
    {"en", "WASHINGTON \xE2\x80\x94 The Senate voted 51-49. The bill now goes to the House.", "WASHINGTON \xE2\x80\x94 The Senate voted 51-49. | The bill now goes to the House."},
    {"en", "(CNN) -- A storm hit Florida. Thousands lost power.", "(CNN) -- A storm hit Florida. | Thousands lost power."},
    {"en", "By John Smith, AP. Updated 5 p.m. ET.", "By John Smith, AP. | Updated 5 p.m. ET."},
    {"en", "The company, founded in 1998, employs 1,200 people. Its shares rose 3.4%.", "The company, founded in 1998, employs 1,200 people. | Its shares rose 3.4%."},
    {"en", "Revenue hit $4.5bn. Profit was $1.1bn.", "Revenue hit $4.5bn. | Profit was $1.1bn."},
    {"en", "The rate is 0.25 percentage points. That is small.", "The rate is 0.25 percentage points. | That is small."},
    {"en", "He earned \xC2\xA3" "50,000.00 last year. She earned more.", "He earned \xC2\xA3" "50,000.00 last year. | She earned more."},
    {"en", "The match ended 3-2. Fans cheered.", "The match ended 3-2. | Fans cheered."},
    {"en", "It was 10.30 a.m. when it began.", "It was 10.30 a.m. when it began."},
    {"en", "Polls close at 8 p.m. Results are expected by midnight.", "Polls close at 8 p.m. | Results are expected by midnight."},
    {"en", "The U.S. Department of Justice sued. Google denied wrongdoing.", "The U.S. Department of Justice sued. | Google denied wrongdoing."},
    {"en", "U.S. and E.U. officials met. They agreed.", "U.S. and E.U. officials met. | They agreed."},
    {"en", "The U.S.-led coalition struck. Civilians fled.", "The U.S.-led coalition struck. | Civilians fled."},
    {"en", "Belarus Pardons 31 Ukrainians After U.S.-Linked Agreement", "Belarus Pardons 31 Ukrainians After U.S.-Linked Agreement"},
    {"en", "Negotiations with various countries, chiefly the U.S., are now actively ongoing.", "Negotiations with various countries, chiefly the U.S., are now actively ongoing."},
    {"en", "There are 1,257 political prisoners, including Ales Bialiatski. Viasna says so.", "There are 1,257 political prisoners, including Ales Bialiatski. | Viasna says so."},
    {"en", "Talks are planned for December. Observers will be watching.", "Talks are planned for December. | Observers will be watching."},
    {"en", "Dr. Jane Goodall, Ph.D., spoke. She was brief.", "Dr. Jane Goodall, Ph.D., spoke. | She was brief."},
    {"en", "Gen. David Petraeus (ret.) testified. Senators listened.", "Gen. David Petraeus (ret.) testified. | Senators listened."},
    {"en", "The Rev. Al Sharpton marched. Crowds followed.", "The Rev. Al Sharpton marched. | Crowds followed."},
    {"en", "Ms. Rivera, 42, was arrested. Police declined to comment.", "Ms. Rivera, 42, was arrested. | Police declined to comment."},
    {"en", "Mr. and Mrs. Smith arrived.", "Mr. and Mrs. Smith arrived."},
    {"en", "Sen. Chuck Schumer, D-N.Y., objected. Sen. Mitch McConnell, R-Ky., agreed.", "Sen. Chuck Schumer, D-N.Y., objected. | Sen. Mitch McConnell, R-Ky., agreed."},
    {"en", "The vote was on Nov. 3. Results came Nov. 7.", "The vote was on Nov. 3. | Results came Nov. 7."},
    {"en", "Aug. 15 is a holiday.", "Aug. 15 is a holiday."},
    {"en", "The meeting is on Tue. 5 March.", "The meeting is on Tue. 5 March."},
    {"en", "See No. 10 Downing St. for details.", "See No. 10 Downing St. for details."},
    {"en", "Fig. 2 shows growth. Table 3 shows losses.", "Fig. 2 shows growth. | Table 3 shows losses."},
    {"en", "It is in ch. 4. Read it.", "It is in ch. 4. | Read it."},
    {"en", "Apple Inc. said revenue rose.", "Apple Inc. said revenue rose."},
    {"en", "Johnson & Johnson Co. It makes drugs.", "Johnson & Johnson Co. | It makes drugs."},
    {"en", "They sold cars, trucks, etc. to dealers.", "They sold cars, trucks, etc. to dealers."},
    {"en", "She lives at 221B Baker St. in London.", "She lives at 221B Baker St. in London."},
    {"en", "St. Petersburg is in Russia. It is cold.", "St. Petersburg is in Russia. | It is cold."},
    {"en", "Ft. Lauderdale flooded. Residents left.", "Ft. Lauderdale flooded. | Residents left."},
    {"en", "The vs. match was close.", "The vs. match was close."},
    {"en", "Brown vs. Board of Education changed schools.", "Brown vs. Board of Education changed schools."},
    {"en", "It weighs approx. 5 kg.", "It weighs approx. 5 kg."},
    {"en", "Cf. the earlier report.", "Cf. the earlier report."},
    // Quotes in agency style
    {"en", "\"We are open to dialogue,\" the ministry said. \"Talks continue.\"", "\"We are open to dialogue,\" the ministry said. | \"Talks continue.\""},
    {"en", "\"Why now?\" asked one reporter. \"Because,\" came the reply.", "\"Why now?\" asked one reporter. | \"Because,\" came the reply."},
    {"en", "She said it was \"a disgrace.\" Others agreed.", "She said it was \"a disgrace.\" | Others agreed."},
    {"en", "He called it \"absurd\". The court disagreed.", "He called it \"absurd\". | The court disagreed."},
    {"en", "\"It's over,\" he said, \"and we lost.\" He left.", "\"It's over,\" he said, \"and we lost.\" | He left."},
    {"en", "\xE2\x80\x9CHe\xE2\x80\x99s gone.\xE2\x80\x9D \xE2\x80\x9CWhere?\xE2\x80\x9D", "\xE2\x80\x9CHe\xE2\x80\x99s gone.\xE2\x80\x9D | \xE2\x80\x9CWhere?\xE2\x80\x9D"},
    {"en", "The sign read: \"Closed.\" We went home.", "The sign read: \"Closed.\" | We went home."},
    {"en", "(See below.) (And above.)", "(See below.) | (And above.)"},
    {"en", "[Editor's note: updated.] The story follows.", "[Editor's note: updated.] | The story follows."},
    {"en", "He won (barely). She lost (badly).", "He won (barely). | She lost (badly)."},
    {"en", "It was huge (about 3.5 million people). Police counted.", "It was huge (about 3.5 million people). | Police counted."},
    // Questions, exclamations, interrobangs
    {"en", "Really? Yes. Really!", "Really? | Yes. | Really!"},
    {"en", "Who knows?? Nobody.", "Who knows?? | Nobody."},
    {"en", "Now!!! Go.", "Now!!! | Go."},
    {"en", "Is it 3.5? Or 4?", "Is it 3.5? | Or 4?"},
    {"en", "Why\xE2\x80\xBD Because.", "Why\xE2\x80\xBD | Because."},
    // Lists and line structure
    {"en", "Items:\n\n- bread\n- milk", "Items: | - bread\n- milk"},
    {"en", "First point.\nSecond point.", "First point. | Second point."},
    {"en", "A heading\n\nThe text begins here. It goes on.", "A heading | The text begins here. | It goes on."},
    {"en", "3. Third item", "3. Third item"},
    {"en", "Step (a) comes first. Step (b) follows.", "Step (a) comes first. | Step (b) follows."},
    // Initials and names
    {"en", "W. E. B. Du Bois wrote it. It was 1903.", "W. E. B. Du Bois wrote it. | It was 1903."},
    {"en", "C.S. Lewis and J.R.R. Tolkien were friends.", "C.S. Lewis and J.R.R. Tolkien were friends."},
    {"en", "Franklin D. Roosevelt won. He served long.", "Franklin D. Roosevelt won. | He served long."},
    {"en", "The winner was Malcolm X. He spoke.", "The winner was Malcolm X. | He spoke."},
    {"en", "Samuel L. Jackson starred.", "Samuel L. Jackson starred."},
    {"en", "Valery Karbalevich, a political scientist, said so. Minsk disagreed.", "Valery Karbalevich, a political scientist, said so. | Minsk disagreed."},
    // German
    {"de", "Der Kanzler sprach. Die Opposition schwieg.", "Der Kanzler sprach. | Die Opposition schwieg."},
    {"de", "Es geht u. a. um Geld.", "Es geht u. a. um Geld."},
    {"de", "Er kam ggf. später.", "Er kam ggf. später."},
    {"de", "Sie wohnt in der Hauptstr. 12 in Berlin.", "Sie wohnt in der Hauptstr. 12 in Berlin."},
    {"de", "Das war im 20. Jahrhundert. Heute ist alles anders.", "Das war im 20. Jahrhundert. | Heute ist alles anders."},
    {"de", "Am 24. Dezember ist Heiligabend.", "Am 24. Dezember ist Heiligabend."},
    {"de", "Er wurde am 9. November 1989 geboren.", "Er wurde am 9. November 1989 geboren."},
    {"de", "Der Preis stieg um 2,5 Prozent. Die Inflation sank.", "Der Preis stieg um 2,5 Prozent. | Die Inflation sank."},
    {"de", "„Nein\xE2\x80\x9C, sagte er. Dann ging er.", "„Nein\xE2\x80\x9C, sagte er. | Dann ging er."},
    {"de", "Warum? Weil es so ist.", "Warum? | Weil es so ist."},
    {"de", "Die EU verhängte Sanktionen. Minsk protestierte.", "Die EU verhängte Sanktionen. | Minsk protestierte."},
    {"de", "Dr. Angela Merkel sprach. Sie war lange Kanzlerin.", "Dr. Angela Merkel sprach. | Sie war lange Kanzlerin."},
    {"de", "Prof. Dr. med. Schmidt operiert.", "Prof. Dr. med. Schmidt operiert."},
    // French
    {"fr", "Le président a parlé. Les députés ont applaudi.", "Le président a parlé. | Les députés ont applaudi."},
    {"fr", "Mme Lagarde a parlé. M. Macron a répondu.", "Mme Lagarde a parlé. | M. Macron a répondu."},
    {"fr", "Il est arrivé à 14 h. Elle est partie.", "Il est arrivé à 14 h. | Elle est partie."},
    {"fr", "« Nous sommes prêts », a-t-il dit. Puis il est parti.", "« Nous sommes prêts », a-t-il dit. | Puis il est parti."},
    {"fr", "Pourquoi ? Parce que.", "Pourquoi ? | Parce que."},
    {"fr", "C'est incroyable ! Vraiment.", "C'est incroyable ! | Vraiment."},
    {"fr", "Le PIB a progressé de 0,5 %. Le chômage a baissé.", "Le PIB a progressé de 0,5 %. | Le chômage a baissé."},
    {"fr", "Il habite au n° 5. Elle aussi.", "Il habite au n° 5. | Elle aussi."},
    {"fr", "L'ONU a réagi. Les États-Unis ont protesté.", "L'ONU a réagi. | Les États-Unis ont protesté."},
    // Spanish
    {"es", "El presidente habló. Los diputados aplaudieron.", "El presidente habló. | Los diputados aplaudieron."},
    {"es", "¿Por qué? Porque sí.", "¿Por qué? | Porque sí."},
    {"es", "¡Qué sorpresa! Nadie lo esperaba.", "¡Qué sorpresa! | Nadie lo esperaba."},
    {"es", "La inflación fue del 3,2 %. El paro bajó.", "La inflación fue del 3,2 %. | El paro bajó."},
    {"es", "El Sr. Pérez y la Sra. Gómez llegaron.", "El Sr. Pérez y la Sra. Gómez llegaron."},
    {"es", "Vive en la Avda. de la Constitución.", "Vive en la Avda. de la Constitución."},
    {"es", "«No lo sé», respondió. Luego calló.", "«No lo sé», respondió. | Luego calló."},
    {"es", "Nació el 5 de mayo. Murió joven.", "Nació el 5 de mayo. | Murió joven."},
    // Russian
    {"ru", "Лукашенко помиловал 31 украинца. Их передали Киеву.", "Лукашенко помиловал 31 украинца. | Их передали Киеву."},
    {"ru", "Встреча прошла в г. Минске. Стороны договорились.", "Встреча прошла в г. Минске. | Стороны договорились."},
    {"ru", "Об этом сообщила пресс-служба. «Беларусь открыта для диалога», — говорится в заявлении.", "Об этом сообщила пресс-служба. | «Беларусь открыта для диалога», — говорится в заявлении."},
    {"ru", "Инфляция составила 5,5%. Рубль укрепился.", "Инфляция составила 5,5%. | Рубль укрепился."},
    {"ru", "В 2024 г. ВВП вырос.", "В 2024 г. ВВП вырос."},
    {"ru", "Он сказал: «Нет». Потом ушёл.", "Он сказал: «Нет». | Потом ушёл."},
    {"ru", "Почему? Никто не ответил.", "Почему? | Никто не ответил."},
    {"ru", "Это ужасно! Все молчат.", "Это ужасно! | Все молчат."},
    {"ru", "И т. д. Это всё.", "И т. д. | Это всё."},
    {"ru", "Москва, 5 дек. — Переговоры продолжаются.", "Москва, 5 дек. — Переговоры продолжаются."},
    {"ru", "Акад. Сахаров выступил.", "Акад. Сахаров выступил."},
    {"ru", "Ул. Ленина перекрыта.", "Ул. Ленина перекрыта."},
    {"ru", "Цена — 100 руб. за штуку.", "Цена — 100 руб. за штуку."},
    {"ru", "В. В. Путин и А. Г. Лукашенко встретились.", "В. В. Путин и А. Г. Лукашенко встретились."},
    // Ukrainian
    {"uk", "Президент виступив. Депутати аплодували.", "Президент виступив. | Депутати аплодували."},
    {"uk", "Інфляція становила 5,5%. Гривня зміцніла.", "Інфляція становила 5,5%. | Гривня зміцніла."},
    {"uk", "Він сказав: «Ні». Потім пішов.", "Він сказав: «Ні». | Потім пішов."},
    {"uk", "Чому? Ніхто не знає.", "Чому? | Ніхто не знає."},
    {"uk", "Зустріч відбулася в м. Києві.", "Зустріч відбулася в м. Києві."},
    {"uk", "Проф. Грушевський писав. Студенти читали.", "Проф. Грушевський писав. | Студенти читали."},
    {"uk", "Ім'я героя — Т. Г. Шевченко.", "Ім'я героя — Т. Г. Шевченко."},
    // Belarusian
    {"be", "Прэзідэнт выступіў. Дэпутаты апладзіравалі.", "Прэзідэнт выступіў. | Дэпутаты апладзіравалі."},
    {"be", "Інфляцыя склала 5,5%. Рубель умацаваўся.", "Інфляцыя склала 5,5%. | Рубель умацаваўся."},
    {"be", "Ён сказаў: «Не». Потым пайшоў.", "Ён сказаў: «Не». | Потым пайшоў."},
    {"be", "Чаму? Ніхто не ведае.", "Чаму? | Ніхто не ведае."},
    {"be", "Сустрэча адбылася ў г. Мінску.", "Сустрэча адбылася ў г. Мінску."},
    {"be", "Вуліца названа ў гонар Я. Купалы. Там шмат дрэў.", "Вуліца названа ў гонар Я. Купалы. | Там шмат дрэў."},
    {"be", "Праваабаронцы «Вясны» — за кратамі. Іх 1257.", "Праваабаронцы «Вясны» — за кратамі. | Іх 1257."},
};
// clang-format on

}  // namespace

TEST_CASE("split_sentences: news prose in several languages", "[sentences]") {
  for (const auto& c : kCases) {
    INFO("language " << c.language << ", input: " << c.input);
    CHECK(joined(c.input, c.language) == c.expected);
  }
}
