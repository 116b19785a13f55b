package org.orchestra.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook settings.
 *
 * @param allowHttp accept plain-HTTP webhook addresses (test and local set-ups only)
 */
@ConfigurationProperties("orchestra.incident.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowHttp) {
}
