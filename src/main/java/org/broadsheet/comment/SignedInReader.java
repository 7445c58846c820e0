package org.broadsheet.comment;

import java.security.Principal;

import org.broadsheet.account.AccountUser;
import org.broadsheet.account.PendingComment;
import org.springframework.security.core.Authentication;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The signed-in reader behind a request, as the comments see them. */
public final class SignedInReader {

    private SignedInReader() {
    }

    /** The reader's account id, or null when nobody is signed in. */
    public static Long accountId(Principal viewer) {
        return viewer instanceof Authentication authentication
                && authentication.getPrincipal() instanceof AccountUser user ? user.id() : null;
    }

    /** The comment a reader started before registering, for this article's box; it is handed over once. */
    public static String takePendingComment(String articlePath) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object pending = request.getAttribute(PendingComment.SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
        if (pending instanceof PendingComment comment && comment.path() != null
                && (comment.path().equals(articlePath) || comment.path().startsWith(articlePath + "#")
                        || comment.path().startsWith(articlePath + "?"))) {
            request.removeAttribute(PendingComment.SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
            return comment.text();
        }
        return null;
    }
}
