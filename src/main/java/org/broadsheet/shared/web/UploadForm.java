package org.broadsheet.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST handler that takes files from the editorial desk: only these read multipart bodies larger than an
 * ordinary form, and only from a session signed in as an editor (org.broadsheet.web.MultipartLimitFilter). Every
 * handler with a {@code MultipartFile} parameter carries it (MultipartGateTests checks).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UploadForm {
}
