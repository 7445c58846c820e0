package org.broadsheet.editorial.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.AuthorCatalogue;
import org.broadsheet.article.Catalogue.AuthorDetails;
import org.broadsheet.article.Catalogue.AuthorRow;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.StaleEditException;
import org.broadsheet.media.StoredImage;
import org.broadsheet.shared.web.UploadForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Author profiles at {@code /admin/authors} (editors and administrators): the list, and the form that creates
 * and edits a profile, its address and the reader account the author comments with.
 */
@Controller
class AuthorDeskController {

    static final String LIST_VIEW = "editorial/authors";
    static final String FORM_VIEW = "editorial/author-form";

    private final AuthorCatalogue catalogue;
    private final AccountService accounts;
    private final FormUploads uploads;

    AuthorDeskController(AuthorCatalogue catalogue, AccountService accounts, FormUploads uploads) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.uploads = uploads;
    }

    @GetMapping("/admin/authors")
    String list(Model model) {
        List<AuthorRow> authors = catalogue.authors();
        model.addAttribute("authors", authors);
        model.addAttribute("usernames", usernames(authors.stream().map(AuthorRow::accountId)
                .filter(Objects::nonNull).collect(Collectors.toSet())));
        return LIST_VIEW;
    }

    @GetMapping("/admin/authors/new")
    String blank(Model model) {
        model.addAttribute("form", AuthorForm.empty());
        return FORM_VIEW;
    }

    @UploadForm
    @PostMapping("/admin/authors/new")
    String create(@Valid @ModelAttribute("form") AuthorForm form, BindingResult errors,
            @RequestParam(required = false) MultipartFile photoFile, Principal editor, RedirectAttributes flash,
            Model model) {
        Posted posted = withPhoto(form, photoFile, errors, model);
        return save(null, posted.form(), posted.errors(), editor, flash, model);
    }

    @GetMapping("/admin/authors/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        AuthorDetails author = catalogue.author(id);
        model.addAttribute("author", author);
        model.addAttribute("form", AuthorForm.of(author, username(author.accountId())));
        return FORM_VIEW;
    }

    @UploadForm
    @PostMapping("/admin/authors/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AuthorForm form, BindingResult errors,
            @RequestParam(required = false) MultipartFile photoFile, Principal editor, RedirectAttributes flash,
            Model model) {
        model.addAttribute("author", catalogue.author(id));
        Posted posted = withPhoto(form, photoFile, errors, model);
        return save(id, posted.form(), posted.errors(), editor, flash, model);
    }

    /** The form as posted with its uploaded photo, and where its errors now are. */
    private record Posted(AuthorForm form, BindingResult errors) {
    }

    /** Puts an uploaded photo (its 480-pixel copy) in the form; a refused file is an error next to the field. */
    private Posted withPhoto(AuthorForm form, MultipartFile photo, BindingResult errors, Model model) {
        StoredImage image = photo == null || photo.isEmpty() ? null : uploads.image(photo, "photoUrl", errors);
        if (image == null) {
            return new Posted(form, errors);
        }
        AuthorForm stored = form.withPhoto(image.smallestUrl());
        return new Posted(stored, DeskForms.replaceForm(model, "form", stored, errors));
    }

    private String save(Long id, AuthorForm form, BindingResult errors, Principal editor, RedirectAttributes flash,
            Model model) {
        Long accountId = accountId(form.account(), errors);
        if (errors.hasErrors()) {
            return FORM_VIEW;
        }
        try {
            catalogue.saveAuthor(id, form.change(accountId), editor.getName());
            return DeskForms.done(flash, id == null ? "catalogue.author.created" : "catalogue.author.saved",
                    form.name().strip(), "/admin/authors");
        } catch (EditRefusedException e) {
            DeskForms.reject(errors, e);
        } catch (StaleEditException e) {
            // The editor's input stays, over the version now saved: saving again is a deliberate overwrite.
            AuthorDetails current = catalogue.author(id);
            model.addAttribute("author", current);
            model.addAttribute("stale", AuthorForm.of(current, username(current.accountId())));
            model.addAttribute("form", form.over(current.version()));
        }
        return FORM_VIEW;
    }

    private Long accountId(String username, BindingResult errors) {
        if (username == null || username.isBlank() || errors.hasFieldErrors("account")) {
            return null;
        }
        Optional<Long> id = accounts.idOf(username.strip());
        if (id.isEmpty()) {
            errors.rejectValue("account", "catalogue.author.account.unknown");
        }
        return id.orElse(null);
    }

    private String username(Long accountId) {
        return accountId == null ? null : usernames(Set.of(accountId)).get(accountId);
    }

    private Map<Long, String> usernames(Set<Long> accountIds) {
        return accounts.commenters(accountIds).values().stream()
                .collect(Collectors.toMap(Commenter::id, Commenter::username));
    }
}
