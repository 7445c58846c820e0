package org.broadsheet.following.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.following.FollowService;
import org.broadsheet.following.FollowService.FollowCounts;
import org.broadsheet.pages.PagePart;
import org.broadsheet.pages.PageReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of pages that show following ({@code following/parts.html}): the follow button and counts on a
 * reader's profile ({@code bs:profile-follow}, given the username), and the story's follow button in an
 * article's comments ({@code bs:story-follow}, given the article), a button of the conversation's one form.
 */
@Configuration(proxyBeanMethods = false)
class FollowParts {

    static final String FRAGMENTS = "following/parts";

    /** What the profile part reads: the reader shown, their counts, and whether the reader follows them. */
    record ProfileState(long id, FollowCounts counts, boolean following) {
    }

    @Bean
    PagePart<String, ProfileState> profileFollow(FollowService follows) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "profile-follow";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: profile";
            }

            @Override
            public ProfileState prepare(PageReader reader, List<String> places) {
                long id = follows.readerId(places.get(0));
                Long viewer = accountId(reader);
                return new ProfileState(id, follows.counts(id), viewer != null && follows.follows(viewer, id));
            }

            @Override
            public Object variant(String username, ProfileState state, PageReader reader) {
                return null; // a form with the reader's token
            }

            @Override
            public Map<String, Object> model(String username, ProfileState state, PageReader reader) {
                Long viewer = accountId(reader);
                Map<String, Object> model = new HashMap<>();
                model.put("username", username);
                model.put("counts", state.counts());
                model.put("following", state.following());
                model.put("signedIn", viewer != null);
                model.put("own", viewer != null && viewer == state.id());
                return model;
            }
        };
    }

    @Bean
    PagePart<ArticleRef, Boolean> storyFollow(FollowService follows) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "story-follow";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: story";
            }

            @Override
            public Boolean prepare(PageReader reader, List<ArticleRef> places) {
                Long viewer = accountId(reader);
                return viewer == null ? null : follows.followsStory(viewer, places.get(0).id());
            }

            @Override
            public Object variant(ArticleRef article, Boolean following, PageReader reader) {
                return following == null ? "anonymous" : following;
            }

            @Override
            public Map<String, Object> model(ArticleRef article, Boolean following, PageReader reader) {
                Map<String, Object> model = new HashMap<>();
                model.put("article", article);
                model.put("signedIn", following != null);
                model.put("following", Boolean.TRUE.equals(following));
                return model;
            }
        };
    }

    private static Long accountId(PageReader reader) {
        return reader.principal() instanceof AccountUser user ? user.id() : null;
    }
}
