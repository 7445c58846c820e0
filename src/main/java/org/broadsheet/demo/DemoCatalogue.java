package org.broadsheet.demo;

import java.util.List;

/**
 * The sections and authors of the demo site. Everyone here is fictional.
 */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /** A section; parents are listed before their children. Sort orders place top-level sections on the front page. */
    record DemoSection(String slug, String name, String description, String parent, int sortOrder) {
    }

    record DemoAuthor(String slug, String name, String roleTitle, String bio) {

        String photoUrl() {
            return "/images/demo/authors/" + slug + ".jpg";
        }
    }

    static final List<DemoSection> SECTIONS = List.of(
            new DemoSection("news", "News", "The day's main stories from home and abroad.", null, 10),
            new DemoSection("uk", "UK", "Politics, public services and life across the country.", "news", 10),
            new DemoSection("world", "World", "Reporting from our correspondents around the world.", "news", 20),
            new DemoSection("europe", "Europe", "News and analysis from across the continent.", "world", 10),
            new DemoSection("business", "Business", "Companies, markets, work and the economy.", null, 20),
            new DemoSection("science", "Science & Technology",
                    "Discoveries, research and the technology that shapes everyday life.", null, 30),
            new DemoSection("environment", "Environment", "Climate, energy, nature and the places we live.",
                    "science", 10),
            new DemoSection("culture", "Culture", "Books, music, film, art and the stage, reviewed and explained.",
                    null, 40),
            new DemoSection("sport", "Sport", "Results, reports and the stories behind the scores.", null, 50),
            new DemoSection("opinion", "Opinion", "Columns and comment. The views are the writers' own.", null, 60));

    static final List<DemoAuthor> AUTHORS = List.of(
            new DemoAuthor("zoe-ni-bhriain", "Zoë Ní Bhriain", "Europe correspondent",
                    "Zoë Ní Bhriain is Broadsheet's Europe correspondent, based in Velsund. She previously covered "
                            + "farming and fisheries from the west of Ireland. She has reported from more than a "
                            + "dozen European capitals and still prefers the night train."),
            new DemoAuthor("mateusz-lukasiewicz", "Mateusz Łukasiewicz", "Business editor",
                    "Mateusz Łukasiewicz edits Broadsheet's business coverage. Before journalism he spent six years "
                            + "as an insolvency accountant, which he says taught him to read the notes first. "
                            + "He writes about retail, property and the companies people actually work for."),
            new DemoAuthor("chiara-bellandi", "Chiara Bellandi", "Arts critic",
                    "Chiara Bellandi reviews exhibitions, theatre and classical music for Broadsheet. She grew up "
                            + "above her family's framing shop and trained as a conservator. Her book on "
                            + "forgotten women printmakers is due next spring."),
            new DemoAuthor("oluwaseun-adebayo", "Oluwaseun Adébáyọ̀", "Science correspondent",
                    "Oluwaseun Adébáyọ̀ covers physics, space and the life sciences. He has a doctorate in "
                            + "atmospheric chemistry and once spent a winter measuring ozone on a very cold roof. "
                            + "He is interested in how science is funded as much as in what it finds."),
            new DemoAuthor("hannah-whitcombe", "Hannah Whitcombe", "Political editor",
                    "Hannah Whitcombe leads Broadsheet's political coverage. She started out on a local paper "
                            + "covering council meetings and still reads every planning agenda she can find. "
                            + "She presents the weekly Broadsheet politics podcast."),
            new DemoAuthor("rhys-pritchard", "Rhys Pritchard", "Chief sports writer",
                    "Rhys Pritchard has written about football, cricket and cycling for fifteen years. He has "
                            + "covered four World Cups and one memorable village cricket final. He is "
                            + "a qualified, if rarely used, football referee."),
            new DemoAuthor("priya-raman", "Priya Raman", "Environment correspondent",
                    "Priya Raman reports on climate, energy and nature. She joined Broadsheet from a trade journal "
                            + "for the water industry and has waded through more sewage outfalls than she would "
                            + "like. She lives on a narrowboat, for now."),
            new DemoAuthor("tomas-vrba", "Tomáš Vrba", "Data editor",
                    "Tomáš Vrba runs Broadsheet's data and graphics desk. He builds the charts, checks the "
                            + "numbers in other people's stories and maintains a spreadsheet of every bus "
                            + "timetable change since 2019."),
            new DemoAuthor("margaret-ellery", "Margaret Ellery", "Columnist",
                    "Margaret Ellery writes a weekly column about public life, manners and the things that "
                            + "quietly stop working. She was a secondary school head teacher for twenty years. "
                            + "Her views are her own, and frequently her neighbours'."),
            new DemoAuthor("sam-achterberg", "Sam Achterberg", "Transport and cities correspondent",
                    "Sam Achterberg writes about how cities move, build and govern themselves. He grew up in "
                            + "Rotterdam and Wexley and cycles between the two arguments. He runs Broadsheet's "
                            + "live coverage on big news days."),
            new DemoAuthor("lucia-ferrandez", "Lucía Ferrández", "World affairs editor",
                    "Lucía Ferrández edits Broadsheet's world coverage and reports regularly from South America. "
                            + "She was previously a correspondent in Puerto Salme for a news agency, where she "
                            + "covered three elections and one very long transport strike. She is still owed "
                            + "a taxi fare from that strike."),
            new DemoAuthor("ingrid-solheim", "Ingrid Solheim", "Technology editor",
                    "Ingrid Solheim covers the technology industry and the people it affects. She worked as a "
                            + "software engineer for a decade before switching to journalism. She is "
                            + "sceptical of anything described as revolutionary."));
}
