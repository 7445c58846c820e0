package org.broadsheet.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

import org.broadsheet.shared.Slugs;

/**
 * The generated site's sections (a tree like the demo's: News with UK, World and its regions, Politics; then
 * Business, Science, Environment, Culture, Sport with two subsections, Opinion), authors and tags. Four articles
 * in five belong to the News desk's sections, so that {@code /sections/news} is the deep one.
 */
final class Catalogue {

    /** slug, name, parent (index into this list, -1 for a main section), share of articles in tenths of a percent. */
    record GeneratedSection(String slug, String name, int parent, int share) {
    }

    static final List<GeneratedSection> SECTIONS = List.of(
            new GeneratedSection("news", "News", -1, 100),
            new GeneratedSection("uk", "UK", 0, 200),
            new GeneratedSection("world", "World", 0, 120),
            new GeneratedSection("europe", "Europe", 2, 110),
            new GeneratedSection("americas", "Americas", 2, 80),
            new GeneratedSection("asia", "Asia", 2, 70),
            new GeneratedSection("politics", "Politics", 0, 120),
            new GeneratedSection("business", "Business", -1, 50),
            new GeneratedSection("science", "Science & Technology", -1, 30),
            new GeneratedSection("environment", "Environment", -1, 20),
            new GeneratedSection("culture", "Culture", -1, 30),
            new GeneratedSection("sport", "Sport", -1, 20),
            new GeneratedSection("football", "Football", 11, 20),
            new GeneratedSection("cricket", "Cricket", 11, 10),
            new GeneratedSection("opinion", "Opinion", -1, 20));

    /** The section given most articles with its subsections, whose pages go deepest. */
    static final String DEEPEST = "news";

    static final int OPINION = SECTIONS.size(); // its id: sections get ids 1..n in list order

    private static final List<String> FIRST = List.of("Ada", "Callum", "Siobhan", "Dev", "Margit", "Joe", "Yusuf",
            "Eleri", "Tobias", "Nkechi", "Harriet", "Wen", "Bartek", "Fionnuala", "Marcus", "Ines", "Amara", "Ken",
            "Roz", "Tunde", "Hyun", "Stan", "Leila", "Priya", "Owen", "Grace", "Idris", "Maeve", "Rafael", "Sana");
    private static final List<String> LAST = List.of("Okoro", "Fairbairn", "Kerrigan", "Malhotra", "Halvorsen",
            "Pennock", "Demirci", "Vaughan", "Gruenewald", "Obi", "Coulthard", "Tan", "Sobczak", "Deane", "Ashworth",
            "Carvalho", "Lindqvist", "Oduya", "Mabey", "Bankole", "Park", "Thewlis", "Haddad", "Rao", "Pryce",
            "Munro", "Quayle", "Ellery", "Dunmore", "Asante");
    private static final List<String> TOPICS = List.of("Housing", "Transport", "Health", "Education", "Energy",
            "Climate", "Fishing", "Farming", "Tourism", "Elections", "Courts", "Weather", "Arts funding", "Heritage",
            "Coastal erosion", "Rail", "Ferries", "Jobs", "Budgets", "Local democracy");

    static final int AUTHORS = 200;

    private Catalogue() {
    }

    static String displayName(int i) {
        return FIRST.get(Math.floorMod(i, FIRST.size())) + " " + LAST.get(Math.floorMod(i / FIRST.size() + i * 7,
                LAST.size()));
    }

    /** The tags: topics, places and subjects of the headlines. */
    static List<String> tags() {
        return java.util.stream.Stream.of(TOPICS, Texts.PLACES, Texts.SUBJECTS).flatMap(List::stream).toList();
    }

    /** Writes sections, authors and tags with ids from 1; returns the number of rows. */
    static long write(Connection connection) throws SQLException {
        try (CopyStream copy = new CopyStream(connection, "section", "id, slug, name, description, parent_id, sort_order")) {
            for (int i = 0; i < SECTIONS.size(); i++) {
                GeneratedSection s = SECTIONS.get(i);
                copy.add(i + 1).add(s.slug()).add(s.name()).add("Generated stories filed under " + s.name() + ".");
                if (s.parent() < 0) {
                    copy.nul();
                }
                else {
                    copy.add(s.parent() + 1);
                }
                copy.add(10 * (i + 1)).endRow();
            }
        }
        try (CopyStream copy = new CopyStream(connection, "author", "id, slug, name, role_title, bio")) {
            for (int i = 1; i <= AUTHORS; i++) {
                String name = displayName(i * 11);
                copy.add(i).add(Slugs.of(name) + "-" + i).add(name).add(i % 5 == 0 ? "Correspondent" : "Reporter")
                        .add(name + " writes about the region for Broadsheet.").endRow();
            }
        }
        List<String> tags = tags();
        try (CopyStream copy = new CopyStream(connection, "tag", "id, slug, name")) {
            for (int i = 0; i < tags.size(); i++) {
                copy.add(i + 1).add(Slugs.of(tags.get(i))).add(tags.get(i)).endRow();
            }
        }
        return SECTIONS.size() + AUTHORS + tags.size();
    }

    /** A section id for a new article: drawn by the sections' shares. */
    static int sectionFor(Random random) {
        int total = SECTIONS.stream().mapToInt(GeneratedSection::share).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < SECTIONS.size(); i++) {
            r -= SECTIONS.get(i).share();
            if (r < 0) {
                return i + 1;
            }
        }
        return 1;
    }
}
