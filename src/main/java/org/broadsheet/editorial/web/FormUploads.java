package org.broadsheet.editorial.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.broadsheet.editorial.web.ArticleForm.LeadChoice;
import org.broadsheet.media.MediaRejectedException;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.StoredFile;
import org.broadsheet.media.StoredImage;
import org.broadsheet.media.StoredVideo;
import org.broadsheet.shared.VideoEmbeds;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores the files chosen in the desk's forms (the article's lead, an author's photo) before the form is checked,
 * so that an upload is kept (in hidden fields) even when another field sends the form back; a refused file is an
 * error next to its field.
 */
@Component
class FormUploads {

    private final MediaService media;

    FormUploads(MediaService media) {
        this.media = media;
    }

    record Files(MultipartFile image, MultipartFile video, MultipartFile captions) {
    }

    /** The form with its stored uploads, and the player address of an allowed video link (or null). */
    record Result(ArticleForm form, String embedUrl) {
    }

    Result apply(ArticleForm posted, Files files, Errors errors) {
        ArticleForm form = posted;
        try {
            if (present(files.image())) {
                StoredImage image = image(files.image(), "leadUrl", errors);
                if (image != null) {
                    form = form.withLeadMedia(LeadChoice.IMAGE, image.url(), image.srcset(), image.webpSrcset(),
                            image.width(), image.height());
                }
            }
            if (present(files.video())) {
                StoredVideo video = store(files.video(), "leadUrl", errors,
                        in -> media.storeVideo(files.video().getOriginalFilename(), in));
                if (video != null) {
                    form = form.withLeadMedia(LeadChoice.VIDEO, video.url(), null, null, null, null);
                }
            }
            if (present(files.captions())) {
                StoredFile captions = store(files.captions(), "leadCaptionsUrl", errors,
                        in -> media.storeCaptions(files.captions().getOriginalFilename(), in));
                if (captions != null) {
                    form = form.withCaptions(captions.url());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String embedUrl = null;
        if (form.leadKind() == LeadChoice.EMBED && form.leadVideoLink() != null && !form.leadVideoLink().isBlank()) {
            embedUrl = VideoEmbeds.embedUrl(form.leadVideoLink().strip()).orElse(null);
            if (embedUrl == null) {
                errors.rejectValue("leadVideoLink", "editor.lead.link.unknown");
            }
        }
        return new Result(form, embedUrl);
    }

    /** Stores a picture chosen in a form, or gives null with the refusal next to {@code field}. */
    StoredImage image(MultipartFile file, String field, Errors errors) {
        try {
            return store(file, field, errors, in -> media.storeImage(file.getOriginalFilename(), in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Store<T> {
        T into(InputStream in) throws IOException;
    }

    private static <T> T store(MultipartFile file, String field, Errors errors, Store<T> store) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return store.into(in);
        } catch (MediaRejectedException e) {
            errors.rejectValue(field, e.messageKey());
            return null;
        }
    }

    private static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty();
    }
}
