/**
 * Small pieces every module may use: paging, slugs, datelines, site settings, not-found, safe redirects,
 * allowed video embeds.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.broadsheet.shared;

import org.springframework.modulith.ApplicationModule;
