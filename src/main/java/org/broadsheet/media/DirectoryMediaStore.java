package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps media as files under a directory, {@code {dir}/{mediaId}/{name}}: ids are numbers and names are
 * generated, so no upload can choose where it lands. A file is written under a temporary name and moved into
 * place, and deleted again if the transaction that records it does not commit.
 */
final class DirectoryMediaStore implements MediaStore {

    private static final Logger log = LoggerFactory.getLogger(DirectoryMediaStore.class);

    private final Path root;

    DirectoryMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    @Override
    public long write(long mediaId, String name, InputStream data) throws IOException {
        Path target = path(mediaId, name);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), name, ".part");
        boolean written = false;
        try {
            long size = Files.copy(data, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written = true;
            deleteUnlessCommitted(target);
            return size;
        } finally {
            Files.deleteIfExists(partial);
            if (!written) {
                deleteIfEmpty(target.getParent());
            }
        }
    }

    @Override
    public Resource read(long mediaId, String name, long size) {
        return new FileSystemResource(path(mediaId, name));
    }

    private Path path(long mediaId, String name) {
        Path path = root.resolve(Long.toString(mediaId)).resolve(MediaNames.check(name)).normalize();
        if (mediaId < 0 || !path.startsWith(root)) {
            throw new IllegalArgumentException("Outside the media directory: " + path);
        }
        return path;
    }

    private static void deleteUnlessCommitted(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not delete {} after a failed upload: {}", file, e.toString());
                    }
                    deleteIfEmpty(file.getParent());
                }
            }
        });
    }

    /** Removes an upload's folder once the last of its files is gone. */
    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (DirectoryNotEmptyException e) {
            // other files of the upload are still there (and are deleted by their own synchronization)
        } catch (IOException e) {
            log.warn("Could not delete {} after a failed upload: {}", folder, e.toString());
        }
    }
}
