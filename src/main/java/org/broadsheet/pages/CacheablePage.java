package org.broadsheet.pages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose page is the same for every reader but for its parts ({@link PagePart}): it is rendered
 * once for everyone at its one address ({@link CanonicalAddresses}) and kept until what it shows changes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface CacheablePage {
}
