package org.broadsheet.media;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MediaRepository extends JpaRepository<Media, Long> {

    Optional<Media> findByPublicKey(String publicKey);
}
