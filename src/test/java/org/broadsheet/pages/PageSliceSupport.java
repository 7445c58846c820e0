package org.broadsheet.pages;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The page parts for a {@code @WebMvcTest} slice: the {@code bs:} attributes and their rendering for the slice's
 * reader, without the page cache (a slice renders every page in full).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ PartsDialect.class, PartRendering.class, FragmentRenderer.class })
public class PageSliceSupport {
}
