package org.orchestra.exchange;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange with its dependencies: the log chains group-committed entries and verifies. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ExchangeModuleTests {

	@Autowired
	TransactionLog log;

	@Autowired
	Transactions transactions;

	@Autowired
	Checkpoints checkpoints;

	@Test
	void concurrentAppendsAreChainedInOrder() throws Exception {
		var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
		java.util.List<java.util.concurrent.Future<Long>> futures = new java.util.ArrayList<>();
		for (int i = 0; i < 200; i++) {
			futures.add(pool.submit(() -> log.append(new TransactionLog.Entry(UUID.randomUUID().toString(), Instant.now(),
					"module-client", "commune-21009", "vehicle-registration", "vehicle", "test", null, "OK", 1, "r", "s"))));
		}
		java.util.Set<Long> sequences = new java.util.HashSet<>();
		for (var future : futures) {
			sequences.add(future.get());
		}
		pool.shutdown();
		assertThat(sequences).hasSize(200);
		log.checkpointNow();
		TransactionLog.Verification verification = log.verify(transactions, checkpoints);
		assertThat(verification.valid()).isTrue();
		assertThat(verification.checkpointsVerified()).isPositive();
	}
}
