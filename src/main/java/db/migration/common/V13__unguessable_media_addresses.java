package db.migration.common;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Uploads were served at {@code /media/{id}/...}, where the id counts up: anyone could read the pictures of drafts
 * and abandoned uploads by trying numbers. Each upload gets a random key that its address is made of instead, every
 * address stored in articles, authors and revisions is rewritten to it, and the uploads each article names are
 * noted ({@code article_media}), so that only those of articles readers can see are served to everyone. Written in
 * Java because the same random keys and rewriting must run on H2 and PostgreSQL.
 */
public class V13__unguessable_media_addresses extends BaseJavaMigration {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern KEY_IN_ADDRESS = Pattern.compile("/media/([a-z2-7]{26})/");
    private static final String[][] ADDRESSES = { { "article", "lead_url" }, { "article", "lead_poster_url" },
            { "article", "lead_captions_url" }, { "article", "lead_srcset" }, { "article", "seo_image" },
            { "article", "body_markdown" }, { "article", "body_html" }, { "author", "photo_url" },
            { "article_revision", "snapshot" } };

    private final SecureRandom random = new SecureRandom();

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE media ADD COLUMN public_key VARCHAR(26)");
        }
        List<Long> ids = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery("SELECT id FROM media")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        for (long id : ids) {
            String key = key();
            try (PreparedStatement update = db.prepareStatement("UPDATE media SET public_key = ? WHERE id = ?")) {
                update.setString(1, key);
                update.setLong(2, id);
                update.executeUpdate();
            }
            for (String[] address : ADDRESSES) {
                String sql = "UPDATE " + address[0] + " SET " + address[1] + " = REPLACE(" + address[1] + ", ?, ?) "
                        + "WHERE " + address[1] + " LIKE ?";
                try (PreparedStatement update = db.prepareStatement(sql)) {
                    update.setString(1, "/media/" + id + "/");
                    update.setString(2, "/media/" + key + "/");
                    update.setString(3, "%/media/" + id + "/%");
                    update.executeUpdate();
                }
            }
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE media ALTER COLUMN public_key SET NOT NULL");
            ddl.execute("ALTER TABLE media ADD CONSTRAINT uk_media_public_key UNIQUE (public_key)");
            ddl.execute("CREATE TABLE article_media (article_id BIGINT NOT NULL REFERENCES article (id) "
                    + "ON DELETE CASCADE, media_key VARCHAR(26) NOT NULL, PRIMARY KEY (article_id, media_key))");
            ddl.execute("CREATE INDEX ix_article_media_key ON article_media (media_key)");
        }
        noteWhatArticlesName(db);
    }

    private void noteWhatArticlesName(Connection db) throws Exception {
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, lead_url, lead_srcset, lead_poster_url, "
                        + "lead_captions_url, seo_image, body_markdown FROM article");
                PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO article_media (article_id, media_key) VALUES (?, ?)")) {
            while (rows.next()) {
                Set<String> keys = new LinkedHashSet<>();
                for (int column = 2; column <= 7; column++) {
                    String text = rows.getString(column);
                    if (text != null) {
                        Matcher matcher = KEY_IN_ADDRESS.matcher(text);
                        while (matcher.find()) {
                            keys.add(matcher.group(1));
                        }
                    }
                }
                for (String key : keys) {
                    insert.setLong(1, rows.getLong(1));
                    insert.setString(2, key);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** 16 random bytes in lower-case base 32, as {@code org.broadsheet.media.MediaNames} makes them. */
    private String key() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        StringBuilder key = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                key.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            key.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return key.toString();
    }
}
