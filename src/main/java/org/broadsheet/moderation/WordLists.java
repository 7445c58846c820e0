package org.broadsheet.moderation;

import java.util.List;
import java.util.Locale;

import org.broadsheet.shared.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The banned and suspect word lists, edited on the desk. Entries are kept folded ({@link WordMatcher#fold}), so
 * that "Café" and "cafe" are one entry and matching compares like with like.
 */
@Service
@Transactional
public class WordLists {

    public static final int MAX_LENGTH = 100;

    /** A banned word refuses the comment; a suspect word publishes it and reports it to the moderators. */
    public enum WordList {
        BANNED, SUSPECT;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    WordLists(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<String> words(WordList list) {
        return jdbc.sql("SELECT word FROM moderation_word WHERE list = :list ORDER BY word")
                .param("list", list.name()).query(String.class).list();
    }

    /** Both lists, in one statement, for a comment being posted. */
    @Transactional(readOnly = true)
    public Lists both() {
        record Entry(String list, String word) {
        }
        List<Entry> all = jdbc.sql("SELECT list, word FROM moderation_word ORDER BY word")
                .query((rs, n) -> new Entry(rs.getString("list"), rs.getString("word"))).list();
        return new Lists(all.stream().filter(e -> e.list().equals("BANNED")).map(Entry::word).toList(),
                all.stream().filter(e -> e.list().equals("SUSPECT")).map(Entry::word).toList());
    }

    public record Lists(List<String> banned, List<String> suspect) {
    }

    /**
     * Adds each line of {@code text} to the list (one word or phrase a line); what is there already is kept once.
     *
     * @return how many entries were new
     */
    public int add(WordList list, String text, String moderator) {
        int added = 0;
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            String word = WordMatcher.fold(line);
            if (word.isEmpty() || word.length() > MAX_LENGTH) {
                continue;
            }
            added += jdbc.sql("""
                    INSERT INTO moderation_word (list, word) SELECT :list, :word
                    WHERE NOT EXISTS (SELECT 1 FROM moderation_word WHERE list = :list AND word = :word)""")
                    .param("list", list.name()).param("word", word).update();
        }
        if (added > 0) {
            events.publishEvent(new AuditEvent(moderator, "moderation.words.added", list.param() + " words",
                    added + " added"));
        }
        return added;
    }

    public void remove(WordList list, String word, String moderator) {
        if (jdbc.sql("DELETE FROM moderation_word WHERE list = :list AND word = :word").param("list", list.name())
                .param("word", word).update() > 0) {
            events.publishEvent(new AuditEvent(moderator, "moderation.words.removed", list.param() + " words",
                    word));
        }
    }
}
