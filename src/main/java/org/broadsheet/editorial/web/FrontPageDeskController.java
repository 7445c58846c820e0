package org.broadsheet.editorial.web;

import java.security.Principal;

import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.CatalogueService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front page's pins at {@code /admin/front-page} (editors and administrators): what readers see now, and
 * the lead story and top stories chosen from lists of published stories (the latest, or those a search
 * finds), without script. Places left empty show the latest stories.
 */
@Controller
class FrontPageDeskController {

    static final String VIEW = "editorial/front-page";
    private static final int MAX_SEARCH = 200;

    private final CatalogueService catalogue;

    FrontPageDeskController(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/front-page")
    String desk(@RequestParam(required = false) String q, Model model) {
        String search = search(q);
        var desk = catalogue.frontPageDesk(search);
        model.addAttribute("desk", desk);
        model.addAttribute("form", FrontPageForm.of(desk, search));
        return VIEW;
    }

    @PostMapping("/admin/front-page")
    String pin(@ModelAttribute("form") FrontPageForm form, BindingResult errors, Principal editor,
            RedirectAttributes flash, Model model) {
        if (!errors.hasErrors()) {
            try {
                catalogue.pinFrontPage(form.lead(), form.top(), editor.getName());
                return CatalogueForms.done(flash, "catalogue.front.saved", null, back(form.q()));
            } catch (EditRefusedException e) {
                CatalogueForms.reject(errors, e);
            }
        }
        model.addAttribute("desk", catalogue.frontPageDesk(search(form.q())));
        return VIEW;
    }

    @PostMapping("/admin/front-page/clear")
    String clear(Principal editor, RedirectAttributes flash) {
        catalogue.clearFrontPage(editor.getName());
        return CatalogueForms.done(flash, "catalogue.front.cleared", null, "/admin/front-page");
    }

    private static String search(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        return text.length() > MAX_SEARCH ? text.substring(0, MAX_SEARCH) : text;
    }

    private static String back(String q) {
        String search = search(q);
        return search == null ? "/admin/front-page"
                : UriComponentsBuilder.fromPath("/admin/front-page").queryParam("q", search).encode().build()
                        .toUriString();
    }
}
