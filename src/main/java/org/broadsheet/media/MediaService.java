package org.broadsheet.media;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the media editors upload for articles (lead images, MP4 videos, WebVTT captions) after checking what
 * they really are, and tells where they are served. Every method refuses a bad upload with a
 * {@link MediaRejectedException} whose message key explains why; nothing of a refused upload is kept.
 */
@Service
public class MediaService {

    public static final long MAX_IMAGE_BYTES = 10L * 1024 * 1024;
    public static final long MAX_VIDEO_BYTES = 200L * 1024 * 1024;
    public static final long MAX_CAPTIONS_BYTES = 1024L * 1024;
    /** Pictures above this many pixels are refused from their header, before anything is decoded. */
    public static final long MAX_IMAGE_PIXELS = ImageProcessor.MAX_PIXELS;

    static final String VIDEO_TYPE = "video/mp4";
    static final String CAPTIONS_TYPE = "text/vtt";

    private final MediaRepository media;
    private final MediaStore store;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ImageSlots imageSlots = new ImageSlots(ImageSlots.SLOTS, ImageSlots.WAIT);
    private final MediaAudience audience;

    MediaService(MediaRepository media, MediaStore store, Clock clock, PlatformTransactionManager transactions,
            MediaAudience audience) {
        this.audience = audience;
        this.media = media;
        this.store = store;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores a JPEG, PNG or WebP picture of at most 10 MB and 40 megapixels, re-encoded (JPEG, or PNG when it has
     * transparent pixels) in versions 480, 960 and 1600 pixels wide, never wider than the original, and each of
     * them also as WebP ({@link StoredImage#webpSrcset()}).
     *
     * @param originalFilename the name the editor's file had, kept for reference only (never trusted)
     * @param data             the upload; read to the end or to the limit, not closed
     * @throws MediaRejectedException when it is empty, too large, not one of those types, or damaged, or when
     *                                 too many pictures are being processed at once (busy: send it again later)
     */
    public StoredImage storeImage(String originalFilename, InputStream data) {
        byte[] bytes = readAtMost(data, MAX_IMAGE_BYTES, MediaRejectedException.IMAGE_SIZE);
        // Decoding and encoding take a while for a large picture: done before a database connection is taken, and
        // only a few at once (see ImageSlots).
        ImageProcessor.Processed processed = imageSlots.run(() -> ImageProcessor.process(bytes));
        ImageProcessor.Version largest = processed.largest();
        return transaction.execute(status -> {
            Media upload = media.save(new Media(MediaKind.IMAGE, originalFilename, largest.width(),
                    largest.height(), clock.instant()));
            for (ImageProcessor.Version version : processed.versions()) {
                long size = write(upload.id(), version.name(), new ByteArrayInputStream(version.bytes()));
                upload.add(new MediaFile(version.name(), processed.contentType(), size, version.width(),
                        version.height()));
            }
            for (ImageProcessor.Version version : processed.webpVersions()) {
                long size = write(upload.id(), version.name(), new ByteArrayInputStream(version.bytes()));
                upload.add(new MediaFile(version.name(), WebpEncoder.CONTENT_TYPE, size, version.width(),
                        version.height()));
            }
            return image(upload);
        });
    }

    /**
     * Stores an MP4 video of at most 200 MB, recognised by its {@code ftyp} box. It is streamed to storage as it
     * arrives, never held in memory whole.
     *
     * @param originalFilename the name the editor's file had, kept for reference only (never trusted)
     * @param data             the upload; read to the end or to the limit, not closed
     * @throws MediaRejectedException when it is empty, larger than 200 MB or not an MP4 file
     */
    public StoredVideo storeVideo(String originalFilename, InputStream data) {
        InputStream in = new BufferedInputStream(
                new LimitedInputStream(data, MAX_VIDEO_BYTES, MediaRejectedException.VIDEO_SIZE));
        byte[] head;
        try {
            in.mark(UploadChecks.VIDEO_HEAD);
            head = in.readNBytes(UploadChecks.VIDEO_HEAD);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (head.length == 0) {
            throw new MediaRejectedException(MediaRejectedException.EMPTY);
        }
        if (!UploadChecks.isMp4(head)) {
            throw new MediaRejectedException(MediaRejectedException.VIDEO_TYPE);
        }
        return transaction.execute(status -> {
            Media upload = media.save(new Media(MediaKind.VIDEO, originalFilename, null, null, clock.instant()));
            long size = write(upload.id(), MediaNames.VIDEO, in);
            upload.add(new MediaFile(MediaNames.VIDEO, VIDEO_TYPE, size, null, null));
            return new StoredVideo(upload.id(), MediaNames.url(upload.publicKey(), MediaNames.VIDEO), size,
                    VIDEO_TYPE);
        });
    }

    /**
     * Stores a WebVTT captions file of at most 1 MB: UTF-8 text (a byte order mark is allowed) starting with
     * {@code WEBVTT}.
     *
     * @param originalFilename the name the editor's file had, kept for reference only (never trusted)
     * @param data             the upload; read to the end or to the limit, not closed
     * @throws MediaRejectedException when it is empty, larger than 1 MB, not UTF-8 or not WebVTT
     */
    public StoredFile storeCaptions(String originalFilename, InputStream data) {
        byte[] bytes = readAtMost(data, MAX_CAPTIONS_BYTES, MediaRejectedException.CAPTIONS_SIZE);
        if (bytes.length == 0) {
            throw new MediaRejectedException(MediaRejectedException.EMPTY);
        }
        UploadChecks.webVtt(bytes);
        return transaction.execute(status -> {
            Media upload = media.save(new Media(MediaKind.CAPTIONS, originalFilename, null, null, clock.instant()));
            long size = write(upload.id(), MediaNames.CAPTIONS, new ByteArrayInputStream(bytes));
            upload.add(new MediaFile(MediaNames.CAPTIONS, CAPTIONS_TYPE, size, null, null));
            return new StoredFile(upload.id(), MediaNames.url(upload.publicKey(), MediaNames.CAPTIONS), size,
                    CAPTIONS_TYPE);
        });
    }

    /** An image stored before, as {@link #storeImage} returned it; empty when there is no image with that id. */
    @Transactional(readOnly = true)
    public Optional<StoredImage> image(long id) {
        return media.findById(id).filter(upload -> upload.kind() == MediaKind.IMAGE).map(MediaService::image);
    }

    /**
     * A file to serve, with its type and length and whether everyone may see it (else only staff: it belongs to
     * no article readers can see, an unpublished one or none at all); empty when there is no such file.
     */
    @Transactional(readOnly = true)
    Optional<ServedFile> file(String key, String name) {
        if (!MediaNames.valid(name)) {
            return Optional.empty();
        }
        return media.findByPublicKey(key).flatMap(upload -> upload.files().stream()
                .filter(file -> file.name().equals(name)).findFirst()
                .map(file -> new ServedFile(file.contentType(), store.read(upload.id(), name, file.byteSize()),
                        audience.isPublic(key))))
                .filter(file -> file.resource().exists());
    }

    /** What the controller sends: the bytes (as a resource that knows its length), their type and audience. */
    record ServedFile(String contentType, Resource resource, boolean everyone) {
    }

    private long write(long mediaId, String name, InputStream data) {
        try {
            return store.write(mediaId, name, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StoredImage image(Media upload) {
        // The JPEG or PNG versions, and their WebP copies (none for a picture stored before them).
        Map<Boolean, List<MediaFile>> byWebp = upload.files().stream()
                .collect(Collectors.partitioningBy(file -> WebpEncoder.CONTENT_TYPE.equals(file.contentType())));
        List<MediaFile> files = byWebp.get(false);
        MediaFile largest = files.get(files.size() - 1);
        List<MediaFile> webp = byWebp.get(true);
        return new StoredImage(upload.id(), MediaNames.url(upload.publicKey(), largest.name()), largest.width(),
                largest.height(), srcset(upload, files), largest.contentType(),
                webp.isEmpty() ? null : srcset(upload, webp));
    }

    private static String srcset(Media upload, List<MediaFile> files) {
        return files.stream()
                .map(file -> MediaNames.url(upload.publicKey(), file.name()) + " " + file.width() + "w")
                .collect(Collectors.joining(", "));
    }

    private static byte[] readAtMost(InputStream data, long limit, String rejection) {
        try {
            return new LimitedInputStream(data, limit, rejection).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
