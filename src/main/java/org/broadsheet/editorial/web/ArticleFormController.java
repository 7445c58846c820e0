package org.broadsheet.editorial.web;

import java.security.Principal;

import jakarta.validation.Valid;

import org.broadsheet.article.ArticleDeletion;
import org.broadsheet.article.ArticleDrafts;
import org.broadsheet.article.ArticlePreviews;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.EditConflictException;
import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.Publication;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.broadsheet.shared.web.UploadForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The article form at {@code /admin/articles/new} and {@code /admin/articles/{id}/edit}: writes, publishes,
 * schedules, backdates and unpublishes articles. A save over someone else's newer save shows both versions and
 * keeps the editor's text; any error keeps everything typed, uploads included.
 */
@Controller
class ArticleFormController {

    static final String FORM_VIEW = "editorial/article-form";
    static final String PREVIEW_VIEW = "article/article";
    static final String DELETE_VIEW = "editorial/article-delete";
    static final String NOTICE = DeskForms.NOTICE;

    private final ArticleDrafts drafts;
    private final ArticlePreviews previews;
    private final ArticleDeletion deletion;
    private final FormUploads uploads;

    ArticleFormController(ArticleDrafts drafts, ArticlePreviews previews, ArticleDeletion deletion,
            FormUploads uploads) {
        this.drafts = drafts;
        this.previews = previews;
        this.deletion = deletion;
        this.uploads = uploads;
    }

    @GetMapping("/admin/articles/new")
    String create(Model model) {
        model.addAttribute("article", ArticleForm.of(drafts.blank()));
        return form(null, model);
    }

    @GetMapping("/admin/articles/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        EditableArticle current = drafts.load(id);
        model.addAttribute("article", ArticleForm.of(current.draft()));
        return form(current, model);
    }

    @UploadForm
    @PostMapping("/admin/articles")
    String saveNew(@Valid @ModelAttribute("article") ArticleForm form, BindingResult errors,
            @RequestParam(required = false) MultipartFile leadImageFile,
            @RequestParam(required = false) MultipartFile leadVideoFile,
            @RequestParam(required = false) MultipartFile leadCaptionsFile, Principal editor,
            RedirectAttributes redirect, Model model) {
        return save(null, form, errors, new FormUploads.Files(leadImageFile, leadVideoFile, leadCaptionsFile),
                editor, redirect, model);
    }

    @UploadForm
    @PostMapping("/admin/articles/{id}")
    String saveExisting(@PathVariable long id, @Valid @ModelAttribute("article") ArticleForm form,
            BindingResult errors, @RequestParam(required = false) MultipartFile leadImageFile,
            @RequestParam(required = false) MultipartFile leadVideoFile,
            @RequestParam(required = false) MultipartFile leadCaptionsFile, Principal editor,
            RedirectAttributes redirect, Model model) {
        return save(id, form, errors, new FormUploads.Files(leadImageFile, leadVideoFile, leadCaptionsFile), editor,
                redirect, model);
    }

    /** The form as posted, its uploads stored, checked; {@code errors} is where its messages now live. */
    private record Checked(ArticleForm form, String embedUrl, BindingResult errors, EditableArticle current) {
    }

    private Checked check(Long id, ArticleForm posted, BindingResult errors, FormUploads.Files files, Model model) {
        if (errors.hasFieldErrors("version")) {
            // The hidden version only goes wrong in a hand-made request; no field could show it.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "malformed version");
        }
        // An unknown article is a 404 before anything is stored.
        EditableArticle current = id == null ? null : drafts.load(id);
        FormUploads.Result lead = uploads.apply(posted, files, errors);
        ArticleForm form = lead.form();
        if (form != posted) {
            // The form now holds the stored upload.
            errors = DeskForms.replaceForm(model, "article", form, errors);
        }
        FormRules.check(form, errors);
        return new Checked(form, lead.embedUrl(), errors, current);
    }

    private String save(Long id, ArticleForm posted, BindingResult postedErrors, FormUploads.Files files,
            Principal editor, RedirectAttributes redirect, Model model) {
        Checked checked = check(id, posted, postedErrors, files, model);
        ArticleForm form = checked.form();
        BindingResult errors = checked.errors();
        EditableArticle current = checked.current();
        if (errors.hasErrors()) {
            return form(current, model);
        }
        try {
            Saved saved = drafts.save(id, form.toDraft(checked.embedUrl()), editor.getName());
            redirect.addFlashAttribute(NOTICE, "editor.saved." + saved.status());
            return "redirect:/admin/articles/" + saved.id() + "/edit";
        } catch (EditRefusedException e) {
            DeskForms.reject(errors, e);
            return form(current, model);
        } catch (EditConflictException | OptimisticLockingFailureException e) {
            EditableArticle theirs = drafts.load(id);
            model.addAttribute("conflict", theirs);
            model.addAttribute("article", form.withVersion(theirs.draft().version()));
            return form(theirs, model);
        }
    }

    /**
     * The form's content as readers would see it if it were saved now, without saving it (the form's Preview
     * button opens it in a new tab); a form with errors comes back with them.
     */
    @UploadForm
    @PostMapping({"/admin/articles/preview", "/admin/articles/{id}/preview"})
    String previewChanges(@PathVariable(required = false) Long id, @Valid @ModelAttribute("article") ArticleForm form,
            BindingResult errors, @RequestParam(required = false) MultipartFile leadImageFile,
            @RequestParam(required = false) MultipartFile leadVideoFile,
            @RequestParam(required = false) MultipartFile leadCaptionsFile, Model model) {
        Checked checked = check(id, form, errors, new FormUploads.Files(leadImageFile, leadVideoFile,
                leadCaptionsFile), model);
        if (!checked.errors().hasErrors()) {
            try {
                model.addAttribute("article", previews.preview(id, checked.form().toDraft(checked.embedUrl())));
                model.addAttribute(NOTICE, "editor.preview.changes");
                return PREVIEW_VIEW;
            } catch (EditRefusedException e) {
                DeskForms.reject(checked.errors(), e);
            }
        }
        return form(checked.current(), model);
    }

    @GetMapping("/admin/articles/{id}/preview")
    String preview(@PathVariable long id, Model model) {
        model.addAttribute("article", previews.preview(id));
        model.addAttribute(NOTICE, "editor.preview.notice");
        return PREVIEW_VIEW;
    }

    @GetMapping("/admin/articles/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("current", drafts.load(id));
        return DELETE_VIEW;
    }

    @PostMapping("/admin/articles/{id}/delete")
    String delete(@PathVariable long id, Principal editor, RedirectAttributes redirect) {
        EditableArticle gone = drafts.load(id);
        deletion.delete(id, editor.getName());
        redirect.addFlashAttribute(NOTICE, "editor.deleted");
        redirect.addFlashAttribute(DeskForms.NOTICE_NAME, gone.draft().headline());
        return "redirect:/admin/articles";
    }

    private String form(EditableArticle current, Model model) {
        model.addAttribute("current", current);
        model.addAttribute("choices", drafts.choices());
        model.addAttribute("publications", Publication.values());
        model.addAttribute("leadChoices", ArticleForm.LeadChoice.values());
        return FORM_VIEW;
    }
}
