package org.priorj.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandService;

import org.priorj.prior.PriorDescriptor;
import org.priorj.prior.PriorRegistry;
import org.priorj.prior.PriorService;

/**
 * Import TorchScript… with a compressive autoencoder's folder from scripts/export_cae_torchscript.py:
 * imported under a new name into the user's priors, then Restore with uncertainty (VBLE) runs on it;
 * a folder of another kind or with a tampered module is refused and leaves nothing behind.
 */
class ImportTorchScriptAutoencoderTest {

	@TempDir
	static Path home;

	static String ownHome;
	static Context context;
	static CommandService commands;

	@BeforeAll
	static void start() {
		ownHome = System.getProperty("user.home");
		System.setProperty("user.home", home.toString());
		context = new Context(CommandService.class, StatusService.class, PriorService.class);
		commands = context.service(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
		System.setProperty("user.home", ownHome);
	}

	private static String refusal(final Object... inputs) {
		Throwable e = assertThrows(ExecutionException.class, () -> commands.run(
			ImportTorchScriptCommand.class, true, inputs).get());
		while (e.getCause() != null && !(e instanceof IllegalArgumentException)) e = e.getCause();
		return e.getMessage();
	}

	@Test
	void anExportedAutoencoderIsImportedAndRestoresWithUncertainty() throws Exception {
		final String out = (String) commands.run(ImportTorchScriptCommand.class, true, "file",
			"src/test/resources/torchscript-cae/tiny-cae", "name", "my-cae").get().getOutput(
				"imported");
		assertTrue(out.startsWith("Imported autoencoder 'my-cae'"), out);
		final Path dir = PriorRegistry.userRoot().resolve("my-cae");
		assertTrue(Files.readString(dir.resolve(PriorDescriptor.FILE)).contains("\"name\": \"my-cae\""));
		final ImagePlus in = RestoreRedDiffCommandTest.camera("cam", 10, 20);
		final var m = commands.run(RestoreVbleCommand.class, true, "input", in, "task", "denoising",
			"prior", "my-cae", "iterations", "3", "posterior_samples", "3").get();
		final String info = (String) ((ImagePlus) m.getOutput("restored")).getProperty("Info");
		assertTrue(info.contains("priorj.prior=my-cae") && info.contains("model=vble-xz"), info);
		assertEquals(64, ((ImagePlus) m.getOutput("std")).getWidth());
	}

	@Test
	void aFolderOfAnotherKindOrWithATamperedModuleIsRefusedAndLeavesNothing() throws Exception {
		assertTrue(refusal("file", "models/natural-gray", "name", "denoiser").contains(
			"Parameter 'file'"));
		assertFalse(Files.exists(PriorRegistry.userRoot().resolve("denoiser")));
		final Path copy = Files.createDirectories(home.resolve("export"));
		try (var files = Files.list(Path.of("src/test/resources/torchscript-cae/tiny-cae"))) {
			for (final Path f : (Iterable<Path>) files::iterator) Files.copy(f, copy.resolve(f
				.getFileName()));
		}
		Files.writeString(copy.resolve("rate.pt"), "tampered");
		final String m = refusal("file", copy.toString(), "name", "tampered");
		assertTrue(m.contains("Parameter 'modules.rate.sha256'"), m);
		assertFalse(Files.exists(PriorRegistry.userRoot().resolve("tampered")));
		assertTrue(refusal("file", home.toString(), "name", "x").contains("a folder without"));
	}
}
