package org.broadsheet.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.shared.Datelines;

/**
 * Builds threads in memory from flat rows: replies nest under their parents up to the third level, and deeper
 * replies are shown flat at the third level, under the second-level comment they descend from, with the name of
 * the reader they answer. Rows come oldest first, so a parent is always placed before its replies.
 */
final class ThreadAssembler {

    static final int MAX_LEVEL = 3;

    private final Map<Long, Commenter> commenters;
    private final Set<Long> articleAuthors;
    private final Datelines datelines;
    private final Instant now;

    ThreadAssembler(Map<Long, Commenter> commenters, Set<Long> articleAuthors, Datelines datelines, Instant now) {
        this.commenters = commenters;
        this.articleAuthors = articleAuthors;
        this.datelines = datelines;
        this.now = now;
    }

    /** A comment as loaded, without its replies. */
    record Row(long id, long articleId, Long parentId, Long authorId, CommentStatus status, String html,
            Instant createdAt, Instant editedAt, int recommendCount, int replyCount, String rejectReason,
            String rejectNote, boolean picked, int version) {

        static Row of(Comment c) {
            return new Row(c.getId(), c.getArticleId(), c.getParentId(), c.getAuthorId(), c.getStatus(),
                    c.getBodyHtml(), c.getCreatedAt(), c.getEditedAt(), c.getRecommendCount(), c.getReplyCount(),
                    c.getRejectReason(), c.getRejectNote(), c.getPickedAt() != null, c.getModerationVersion());
        }

        /** The same comment shown as the top of its own list (a quote, an editors' pick). */
        Row asRoot() {
            return new Row(id, articleId, null, authorId, status, html, createdAt, editedAt, recommendCount, 0,
                    rejectReason, rejectNote, picked, version);
        }
    }

    /** The threads of these top-level rows, in their order, each with those of {@code replies} under it. */
    List<ThreadView> threads(List<Row> roots, List<Row> replies) {
        Map<Long, Node> nodes = new HashMap<>();
        List<Node> top = new ArrayList<>(roots.size());
        for (Row root : roots) {
            Node node = new Node(root, 1, null, null);
            nodes.put(root.id(), node);
            top.add(node);
        }
        for (Row reply : replies) {
            Node parent = reply.parentId() == null ? null : nodes.get(reply.parentId());
            if (parent == null) {
                continue; // its thread is not on this page
            }
            Node node;
            if (parent.level < MAX_LEVEL) {
                node = new Node(reply, parent.level + 1, null, parent);
                parent.children.add(node);
            } else {
                // Too deep to indent further: shown beside its parent, saying whom it answers.
                Node holder = parent.holder;
                node = new Node(reply, MAX_LEVEL, nameOf(parent.row), holder);
                holder.children.add(node);
            }
            nodes.put(reply.id(), node);
        }
        List<ThreadView> threads = new ArrayList<>(top.size());
        for (Node node : top) {
            int shown = node.count() - 1;
            threads.add(new ThreadView(node.view(), node.row.replyCount(),
                    Math.max(0, node.row.replyCount() - shown)));
        }
        return threads;
    }

    private String nameOf(Row row) {
        if (row.status() == CommentStatus.DELETED || row.status() == CommentStatus.REJECTED
                || row.authorId() == null) {
            return null;
        }
        Commenter commenter = commenters.get(row.authorId());
        return commenter == null ? null : commenter.displayName();
    }

    private final class Node {
        final Row row;
        final int level;
        final String inReplyTo;
        /** The comment whose reply list holds this one. */
        final Node holder;
        final List<Node> children = new ArrayList<>();

        Node(Row row, int level, String inReplyTo, Node holder) {
            this.row = row;
            this.level = level;
            this.inReplyTo = inReplyTo;
            this.holder = holder;
        }

        int count() {
            int total = 1;
            for (Node child : children) {
                total += child.count();
            }
            return total;
        }

        CommentView view() {
            List<CommentView> replies = new ArrayList<>(children.size());
            for (Node child : children) {
                replies.add(child.view());
            }
            // A comment without an author is shown as a placeholder whatever its status says.
            boolean rejected = row.status() == CommentStatus.REJECTED && row.authorId() != null;
            boolean placeholder = row.status() == CommentStatus.DELETED || rejected || row.authorId() == null;
            Commenter author = placeholder ? null : commenters.get(row.authorId());
            Instant posted = row.createdAt().truncatedTo(ChronoUnit.SECONDS);
            List<String> badges = author == null ? List.of() : badges(author, row.picked());
            return new CommentView(row.id(), row.articleId(), row.authorId(),
                    author == null ? null : author.displayName(), author == null ? null : author.username(),
                    badges, datelines.of(posted), datelines.ago(posted, now),
                    row.createdAt(), placeholder ? null : row.html(), row.editedAt() != null, row.recommendCount(),
                    level, inReplyTo, List.copyOf(replies),
                    rejected ? new CommentViews.Removed(row.id(), row.authorId(), row.html(), row.rejectReason(),
                            row.rejectNote()) : null,
                    row.picked() && !placeholder, row.version());
        }
    }

    private List<String> badges(Commenter author, boolean picked) {
        List<String> badges = new ArrayList<>(4);
        if (picked) {
            badges.add("pick");
        }
        if (articleAuthors.contains(author.id())) {
            badges.add("author");
        }
        if (author.staff()) {
            badges.add("staff");
        }
        if (author.newMember()) {
            badges.add("new-member");
        }
        return badges;
    }
}
