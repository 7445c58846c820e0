package org.broadsheet.notification.push;

import org.broadsheet.support.MutableClock;
import org.broadsheet.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** The scenarios of {@link PushDeliveryScenarios} on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
@Import(MutableClock.Config.class)
class PushDeliveryPostgresTests extends PushDeliveryScenarios {
}
