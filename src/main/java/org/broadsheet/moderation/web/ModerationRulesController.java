package org.broadsheet.moderation.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.moderation.ModerationSettings;
import org.broadsheet.moderation.PremoderatedArticles;
import org.broadsheet.moderation.WordLists;
import org.broadsheet.moderation.WordLists.WordList;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules of the desk ({@code /admin/moderation/rules}): what holds comments for a moderator, when a reader is
 * trusted, the banned and suspect word lists; and pre-moderation of one article, switched from the desk or from
 * the moderator's tools on the article page.
 */
@Controller
class ModerationRulesController {

    static final String VIEW = "moderation/rules";
    private static final String PATH = ModerationDeskController.DESK + "/rules";

    private final ModerationSettings settings;
    private final WordLists words;
    private final PremoderatedArticles premoderated;
    private final ArticleService articles;
    private final ArticleCards articleCards;

    ModerationRulesController(ModerationSettings settings, WordLists words, PremoderatedArticles premoderated,
            ArticleService articles, ArticleCards articleCards) {
        this.settings = settings;
        this.words = words;
        this.premoderated = premoderated;
        this.articles = articles;
        this.articleCards = articleCards;
    }

    @GetMapping(PATH)
    String rules(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RulesForm.of(settings.rules()));
        }
        if (!model.containsAttribute("bannedForm")) {
            model.addAttribute("bannedForm", new WordsForm(""));
        }
        if (!model.containsAttribute("suspectForm")) {
            model.addAttribute("suspectForm", new WordsForm(""));
        }
        model.addAttribute("banned", words.words(WordList.BANNED));
        model.addAttribute("suspect", words.words(WordList.SUSPECT));
        model.addAttribute("premoderated", articleCards.cardsFor(premoderated.ids()));
        return VIEW;
    }

    @PostMapping(PATH)
    String change(@Valid @ModelAttribute("form") RulesForm form, BindingResult errors, Principal moderator,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return rules(model);
        }
        settings.change(form.rules(), moderator.getName());
        flash.addFlashAttribute("notice", "moderation.rules.saved");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/words/{list}")
    String addWords(@PathVariable String list, @Valid @ModelAttribute("words") WordsForm form, BindingResult errors,
            Principal moderator, Model model, RedirectAttributes flash, HttpServletResponse response) {
        WordList which = list(list);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute(which == WordList.BANNED ? "bannedForm" : "suspectForm", form);
            model.addAttribute(which == WordList.BANNED ? "bannedErrors" : "suspectErrors",
                    errors.getFieldError("words").getDefaultMessage());
            return rules(model);
        }
        try {
            int added = words.add(which, form.words(), moderator.getName());
            flash.addFlashAttribute("notice", "moderation.words.added");
            flash.addFlashAttribute("noticeName", added);
        } catch (DataIntegrityViolationException e) {
            // Another moderator added the same word at this moment: it is in the list either way.
            flash.addFlashAttribute("notice", "moderation.words.added");
            flash.addFlashAttribute("noticeName", 0);
        }
        return "redirect:" + PATH + "#" + which.param() + "-words";
    }

    @PostMapping(PATH + "/words/{list}/remove")
    String removeWord(@PathVariable String list, @RequestParam String word, Principal moderator,
            RedirectAttributes flash) {
        WordList which = list(list);
        words.remove(which, word, moderator.getName());
        flash.addFlashAttribute("notice", "moderation.words.removed");
        flash.addFlashAttribute("noticeName", word);
        return "redirect:" + PATH + "#" + which.param() + "-words";
    }

    @PostMapping(ModerationDeskController.DESK + "/articles/{id}/premoderation")
    String premoderate(@PathVariable long id, @RequestParam boolean on, @RequestParam(required = false) String back,
            Principal moderator, RedirectAttributes flash) {
        var article = articles.commentTarget(id).orElseThrow(() -> new NotFoundException("article " + id));
        premoderated.set(id, article.headline(), on, moderator.getName());
        flash.addFlashAttribute("notice", on ? "moderation.premoderated.on" : "moderation.premoderated.off");
        return "redirect:" + ContinuePaths.safeOr(back, article.url() + "#comments");
    }

    private static WordList list(String list) {
        return switch (list) {
            case "banned" -> WordList.BANNED;
            case "suspect" -> WordList.SUSPECT;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such list");
        };
    }
}
