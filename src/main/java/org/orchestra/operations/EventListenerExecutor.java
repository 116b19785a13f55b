package org.orchestra.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The executor of asynchronous event listeners (audit trail, e-mails, webhooks, ...). Each listener holds a
 * database connection while it runs, so their number is bounded ({@code orchestra.events.listener-threads}) well
 * below the connection pool: under a burst of writes, events wait in the queue (they are also in the event
 * publication registry, so a crash loses none) instead of taking every connection from the requests.
 */
@Configuration(proxyBeanMethods = false)
class EventListenerExecutor {

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${orchestra.events.listener-threads:4}") int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setQueueCapacity(Integer.MAX_VALUE);
		executor.setThreadNamePrefix("event-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(20);
		return executor;
	}
}
