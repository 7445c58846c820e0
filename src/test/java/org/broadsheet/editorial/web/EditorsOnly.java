package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The access rule of the editors' catalogue pages, checked on a slice: anonymous visitors are sent to sign in,
 * readers and moderators are refused, editors and administrators (who hold every role) get the page; and a form
 * posted without its CSRF token is refused even for an editor.
 */
final class EditorsOnly {

    private EditorsOnly() {
    }

    static void assertPagesOpenOnlyToEditors(MockMvc mvc, String... urls) throws Exception {
        for (String url : urls) {
            MockHttpServletResponse anonymous = mvc.perform(get(url)).andReturn().getResponse();
            assertThat(anonymous.getStatus()).as("anonymous %s", url).isEqualTo(302);
            assertThat(anonymous.getRedirectedUrl()).as("anonymous %s", url).endsWith("/login");
            for (String role : new String[] { "READER", "MODERATOR" }) {
                assertThat(status(mvc, url, role)).as("%s %s", role, url).isEqualTo(403);
            }
            for (String role : new String[] { "EDITOR", "ADMIN" }) {
                assertThat(status(mvc, url, role)).as("%s %s", role, url).isEqualTo(200);
            }
        }
    }

    static void assertPostsNeedTheCsrfToken(MockMvc mvc, String... urls) throws Exception {
        for (String url : urls) {
            assertThat(mvc.perform(post(url).with(user("eden").roles("EDITOR")).param("name", "Anything"))
                    .andReturn().getResponse().getStatus()).as("POST %s without token", url).isEqualTo(403);
        }
    }

    private static int status(MockMvc mvc, String url, String role) throws Exception {
        return mvc.perform(get(url).with(user(role.toLowerCase()).roles(role))).andReturn().getResponse()
                .getStatus();
    }
}
