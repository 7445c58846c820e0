package org.broadsheet.moderation.web;

import java.util.List;
import java.util.Map;

import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.moderation.PremoderatedArticles;
import org.broadsheet.pages.PagePart;
import org.broadsheet.pages.PageReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The moderator's tools on an article page ({@code bs:moderator-tools}, {@code moderation/parts.html}): how many
 * comments there wait, a link to them in the queue, and the switch for pre-moderation. Moderators only: anyone
 * else gets nothing, and pays nothing for it.
 */
@Configuration(proxyBeanMethods = false)
class ModerationParts {

    /** What the tools read for a moderator. */
    record ToolsState(long pending, boolean premoderated) {
    }

    @Bean
    PagePart<ArticleRef, ToolsState> moderatorTools(ModerationQueues queues, PremoderatedArticles premoderated) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "moderator-tools";
            }

            @Override
            public String fragment() {
                return "moderation/parts :: article-tools";
            }

            @Override
            public ToolsState prepare(PageReader reader, List<ArticleRef> places) {
                if (!reader.hasRole("MODERATOR") || places.isEmpty()) {
                    return null;
                }
                long article = places.get(0).id();
                return new ToolsState(queues.pendingOn(article), premoderated.premoderated(article));
            }

            @Override
            public Object variant(ArticleRef article, ToolsState state, PageReader reader) {
                // A moderator's tools hold a form token: rendered for each of them.
                return state == null ? "none" : null;
            }

            @Override
            public Map<String, Object> model(ArticleRef article, ToolsState state, PageReader reader) {
                return state == null ? Map.of("show", false)
                        : Map.of("show", true, "article", article, "pending", state.pending(),
                                "premoderated", state.premoderated());
            }
        };
    }
}
