package org.broadsheet.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.AccountUser;
import org.broadsheet.pages.PagePart;
import org.broadsheet.pages.PageReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The parts of the site's layout that depend on who is reading: the header's account links ({@code bs:account},
 * given the page's address for the sign-in links to come back to) and the message after the reader's last action
 * ({@code bs:notice}).
 */
@Configuration(proxyBeanMethods = false)
class LayoutParts {

    static final String FRAGMENTS = "parts/account";

    @Bean
    PagePart<String, Void> accountLinks() {
        return new PagePart<>() {
            @Override
            public String name() {
                return "account";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: links";
            }

            @Override
            public Void prepare(PageReader reader, List<String> places) {
                return null;
            }

            @Override
            public Object variant(String path, Void state, PageReader reader) {
                if (!(reader.principal() instanceof AccountUser user)) {
                    return "anonymous";
                }
                return List.of(user.getUsername(), user.displayName(), staff(reader));
            }

            @Override
            public Map<String, Object> model(String path, Void state, PageReader reader) {
                Map<String, Object> model = new HashMap<>();
                model.put("reader", reader.principal() instanceof AccountUser user ? user : null);
                model.put("staff", staff(reader));
                model.put("currentPath", path);
                return model;
            }
        };
    }

    /**
     * The notice: the one the page's handler gives ({@code [notice, noticeName]}, on pages that are never kept),
     * else the one left by the reader's last action (a flash attribute, never part of a kept page).
     */
    @Bean
    PagePart<List<?>, Map<String, ?>> notice() {
        return new PagePart<>() {
            @Override
            public String name() {
                return "notice";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: notice";
            }

            @Override
            public Map<String, ?> prepare(PageReader reader, List<List<?>> places) {
                Map<String, ?> flash = RequestContextUtils.getInputFlashMap(reader.request());
                return flash == null ? Map.of() : flash;
            }

            @Override
            public Object variant(List<?> given, Map<String, ?> flash, PageReader reader) {
                return given == null && flash.get("notice") == null ? "none" : null;
            }

            @Override
            public Map<String, Object> model(List<?> given, Map<String, ?> flash, PageReader reader) {
                Map<String, Object> model = new HashMap<>();
                boolean own = given != null && given.get(0) != null;
                model.put("notice", own ? given.get(0) : flash.get("notice"));
                model.put("noticeName", own ? given.get(1) : flash.get("noticeName"));
                return model;
            }
        };
    }

    private static boolean staff(PageReader reader) {
        return reader.hasRole("EDITOR") || reader.hasRole("MODERATOR");
    }
}
