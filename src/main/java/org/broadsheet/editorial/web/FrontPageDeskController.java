package org.broadsheet.editorial.web;

import java.security.Principal;

import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.FrontPageChoices;
import org.broadsheet.article.FrontPagePins;
import org.broadsheet.article.StaleEditException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The front page's pins at {@code /admin/front-page} (editors and administrators): what readers see now, and
 * the lead story and top stories chosen from lists of published stories (the latest, or those a search
 * finds), without script. Places left empty show the latest stories. Both forms carry the pins' version, so a
 * page another editor's change overtook is refused rather than undoing it.
 */
@Controller
class FrontPageDeskController {

    static final String VIEW = "editorial/front-page";
    private static final int MAX_SEARCH = 200;

    private final FrontPageChoices choices;
    private final FrontPagePins pins;

    FrontPageDeskController(FrontPageChoices choices, FrontPagePins pins) {
        this.choices = choices;
        this.pins = pins;
    }

    @GetMapping("/admin/front-page")
    String desk(@RequestParam(required = false) String q, Model model) {
        String search = search(q);
        var desk = choices.frontPageDesk(search);
        model.addAttribute("desk", desk);
        model.addAttribute("form", FrontPageForm.of(desk, search));
        return VIEW;
    }

    @PostMapping("/admin/front-page")
    String pin(@ModelAttribute("form") FrontPageForm form, BindingResult errors, Principal editor,
            RedirectAttributes flash, Model model) {
        if (form == null || errors.hasFieldErrors()) {
            // The choices are lists of stories: a value that is not a story's number comes from a hand-made request.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed front-page form");
        }
        if (!errors.hasErrors()) {
            try {
                pins.pinFrontPage(form.version(), form.lead(), form.top(), editor.getName());
                return DeskForms.done(flash, "catalogue.front.saved", null, back(form.q()));
            } catch (EditRefusedException e) {
                DeskForms.reject(errors, e);
            } catch (StaleEditException e) {
                // The editor's choices stay, over the pins now saved: saving again is a deliberate overwrite.
                FrontPageDesk desk = staleDesk(form.q(), "catalogue.front.stale", model);
                model.addAttribute("form", form.over(desk.version()));
                return VIEW;
            }
        }
        model.addAttribute("desk", choices.frontPageDesk(search(form.q())));
        return VIEW;
    }

    @PostMapping("/admin/front-page/clear")
    String clear(@RequestParam(required = false) Long version, Principal editor, RedirectAttributes flash,
            Model model) {
        try {
            pins.clearFrontPage(version, editor.getName());
        } catch (StaleEditException e) {
            FrontPageDesk desk = staleDesk(null, "catalogue.front.stale.clear", model);
            model.addAttribute("form", FrontPageForm.of(desk, null));
            return VIEW;
        }
        return DeskForms.done(flash, "catalogue.front.cleared", null, "/admin/front-page");
    }

    /** The desk as another editor's change left it, with a notice saying so (its message key). */
    private FrontPageDesk staleDesk(String q, String message, Model model) {
        FrontPageDesk desk = choices.frontPageDesk(search(q));
        model.addAttribute("desk", desk);
        model.addAttribute("stale", message);
        return desk;
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
