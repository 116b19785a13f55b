package org.orchestra.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The command-line verification: started with the argument {@code audit:verify}, the application verifies the
 * chain, prints the result and exits with status 0 when the chain is intact, 3 when it is broken.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditVerificationCommand implements ApplicationRunner {

	static final String COMMAND = "audit:verify";
	private static final Logger LOG = LoggerFactory.getLogger(AuditVerificationCommand.class);

	private final AuditTrail trail;
	private final ApplicationContext context;

	AuditVerificationCommand(AuditTrail trail, ApplicationContext context) {
		this.trail = trail;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains(COMMAND)) {
			return;
		}
		AuditTrail.Verification result = trail.verify();
		String line = result.valid()
				? "Audit chain intact: " + result.entriesChecked() + " entries, head " + result.headHash()
				: "Audit chain BROKEN at entry " + result.firstBrokenSeq() + " (" + result.reason() + ") after "
						+ result.entriesChecked() + " valid entries";
		LOG.info(line);
		System.out.println(line);
		int status = result.valid() ? 0 : 3;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> status));
	}
}
