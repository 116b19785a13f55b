package org.orchestra.forms;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Forms settings.
 *
 * @param publicUrl the platform's public address, for links in e-mails
 * @param retentionCron when personal answers past their form's retention period are erased
 */
@ConfigurationProperties("orchestra.forms")
record FormsProperties(@DefaultValue("http://localhost:8080") String publicUrl,
		@DefaultValue("0 30 2 * * *") String retentionCron) {
}
