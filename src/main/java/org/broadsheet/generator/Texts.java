package org.broadsheet.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.broadsheet.article.MarkdownRenderer;
import org.broadsheet.article.RenderedBody;
import org.broadsheet.comment.CommentText;

/**
 * The words of the generated site, written for this project: headlines, standfirsts and bodies of articles and
 * the texts of comments, made from small pools. Bodies and comments are rendered once each, by the site's own
 * renderers, and reused, so a million rows cost a few hundred renders.
 */
final class Texts {

    static final List<String> PLACES = List.of("Carrow Bay", "Marlshire", "Eastmoor", "Linwick", "Port Anselm",
            "Hallow Vale", "Brackenford", "the Northern Isles", "Seacombe", "Redwater", "Kilbride Cross",
            "Ashby Fen", "Greywell", "Lower Tolland", "Saint Ives Lane", "Oldhaven");
    static final List<String> SUBJECTS = List.of("Council", "Harbour board", "Rail operator", "Hospital trust",
            "School governors", "Water company", "Festival organisers", "Farmers", "Ferry crews", "Museum",
            "Police", "Library service", "Bus company", "University", "Housing association", "Fishing fleet",
            "Energy co-operative", "Theatre", "Football club", "Bird society");
    static final List<String> ACTIONS = List.of("approves new plan", "delays decision again", "warns of shortfall",
            "opens consultation", "reports record year", "faces questions over costs", "calls for more funding",
            "unveils design", "strikes deal", "postpones opening", "wins national award", "cuts services",
            "extends hours", "rejects proposal", "sets out timetable", "promises review");
    private static final List<String> SENTENCES = List.of(
            "The decision was taken at a meeting that ran late into the evening.",
            "Residents said they had not been told about the change until last week.",
            "A spokesperson said the figures would be published in full next month.",
            "The harbour has been at the centre of the town's economy for two centuries.",
            "Opposition members called the timetable unrealistic and asked for an independent review.",
            "Local businesses welcomed the news but warned that the details still mattered.",
            "The budget for the coming year is already under pressure from rising energy costs.",
            "Campaigners have gathered more than four thousand signatures on a petition.",
            "Engineers expect the work to take most of the summer if the weather holds.",
            "The chair of the committee said the plan struck the right balance.",
            "Bus and rail links to the area are expected to improve once the works are finished.",
            "Figures seen by this paper suggest the cost has doubled since the first estimate.",
            "Some families said they would have to move if rents kept rising at this pace.",
            "The regulator is due to report on the matter before the end of the year.",
            "Volunteers have run the service for more than a decade without a paid member of staff.",
            "Rainfall this spring was the highest recorded at the station since records began.",
            "Teachers said pupils had responded well to the new timetable.",
            "The company said it remained committed to the region and its workforce.",
            "A public meeting will be held in the town hall on Thursday evening.",
            "Visitors to the coast have risen steadily since the new path opened.",
            "The ferry timetable will change from the first weekend of next month.",
            "Questions remain about who will pay for the repairs to the sea wall.",
            "The museum's collection includes maps, letters and photographs of the old docks.",
            "Nurses at the hospital described the winter as the hardest they could remember.");
    private static final List<String> REMARKS = List.of(
            "I live just up the road from this and nobody asked us.", "Good to see this finally happening.",
            "The figures in the third paragraph don't add up to me.", "Same story every year, sadly.",
            "My grandfather worked on the docks and would have been pleased to read this.",
            "Does anyone know whether the Thursday meeting is open to everyone?",
            "This is exactly the kind of reporting we need more of.", "I think the council got this one right.",
            "The buses are already full at eight in the morning.", "Who is paying for all of this?",
            "A fair summary, though it leaves out the view of the people who work there.",
            "We went last summer and it was lovely, if busy.", "Not sure a review will change anything.",
            "Thank you for explaining the background so clearly.", "It was the same when I was at school there.",
            "Interesting, but I'd like to see the full report before making up my mind.",
            "The path is wonderful early in the morning.", "Rents here have gone up by a third in two years.",
            "Let's wait and see what the regulator says.", "I disagree: the old plan was better.",
            "Well said.", "Has anyone asked the fishing crews what they think?",
            "The photographs in the museum are worth the trip on their own.",
            "More details at https://example.org/plan if anyone wants to read the consultation.");

    private final List<RenderedBody> bodies;
    private final List<String> commentTexts;
    private final List<String> commentHtml;

    Texts(MarkdownRenderer renderer, Random random) {
        bodies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder markdown = new StringBuilder();
            int paragraphs = 3 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                if (p > 0) {
                    markdown.append("\n\n");
                }
                if (p == 2 && random.nextInt(3) == 0) {
                    markdown.append("## What happens next\n\n");
                }
                int sentences = 2 + random.nextInt(2);
                for (int s = 0; s < sentences; s++) {
                    markdown.append(s == 0 ? "" : " ").append(pick(SENTENCES, random));
                }
            }
            bodies.add(renderer.render(markdown.toString()));
        }
        commentTexts = new ArrayList<>();
        commentHtml = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            StringBuilder text = new StringBuilder(pick(REMARKS, random));
            int more = random.nextInt(4);
            for (int s = 0; s < more; s++) {
                text.append(random.nextInt(3) == 0 ? "\n\n" : " ").append(pick(REMARKS, random));
            }
            String body = CommentText.normalise(text.toString());
            commentTexts.add(body);
            commentHtml.add(CommentText.toHtml(body));
        }
    }

    RenderedBody body(int i) {
        return bodies.get(Math.floorMod(i, bodies.size()));
    }

    String headline(long articleId) {
        int n = (int) articleId;
        return SUBJECTS.get(Math.floorMod(n * 7, SUBJECTS.size())) + " in "
                + PLACES.get(Math.floorMod(n * 13 + n / 97, PLACES.size())) + " "
                + ACTIONS.get(Math.floorMod(n * 3 + n / 31, ACTIONS.size()));
    }

    String standfirst(long articleId) {
        return SENTENCES.get(Math.floorMod((int) articleId * 5, SENTENCES.size())) + " "
                + SENTENCES.get(Math.floorMod((int) articleId * 11 + 1, SENTENCES.size()));
    }

    int comments() {
        return commentTexts.size();
    }

    String commentText(int i) {
        return commentTexts.get(i);
    }

    String commentHtml(int i) {
        return commentHtml.get(i);
    }

    static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
