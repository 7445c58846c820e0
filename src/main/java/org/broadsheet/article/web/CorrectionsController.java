package org.broadsheet.article.web;

import org.broadsheet.article.CorrectionService;
import org.broadsheet.pages.CacheablePage;
import org.broadsheet.pages.PageTags;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public corrections page at {@code /corrections}: every correction, update and clarification added to a
 * published article, newest first, each linking to its article.
 */
@Controller
@CacheablePage
class CorrectionsController {

    static final String VIEW = "article/corrections";

    private final CorrectionService corrections;

    CorrectionsController(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @GetMapping("/corrections")
    String corrections(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("corrections", corrections.latest(Pages.check(page)));
        PageTags.add(ContentChangedEvent.CORRECTIONS);
        return VIEW;
    }
}
