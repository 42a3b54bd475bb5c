// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.bench;

import org.tixun.core.archive.cli.EvidenceCli;
import org.tixun.core.evidence.cli.QuietLogs;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.signatures.BouncyCastleDigest;
import com.itextpdf.signatures.PdfSigner;
import com.itextpdf.signatures.PrivateKeySignature;
import com.itextpdf.signatures.SignerProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.tixun.core.evidence.SealRequest;
import org.tixun.core.evidence.SealResult;
import org.tixun.core.evidence.Sealer;
import org.tixun.core.evidence.VerificationReport;
import org.tixun.core.evidence.Verifier;
import org.tixun.demo.SampleRecord;
import org.tixun.core.evidence.tsa.EmbeddedTsa;
import org.tixun.core.evidence.tsa.Rfc3161Client;
import org.tixun.core.pki.Certificates;
import org.tixun.core.pki.InstitutionKeyStore;
import org.tixun.core.pki.IssuedCredential;
import org.tixun.core.pki.Pki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tixun bench-evidence}: seals and verifies the 20-page sample record in one warm JVM and prints the figures
 * beside same-run baselines (a plain iText B-T signature; DSS validation when a second-opinion validator is on the
 * class path).
 */
@Command(name = "bench-evidence", mixinStandardHelpOptions = true,
        description = "Benchmark sealing and verifying a 20-page interrogation record.")
public final class EvidenceBenchCommand implements Callable<Integer> {
    /** System property naming a class with {@code static boolean totalPassed(byte[], X509Certificate)}. */
    public static final String SECOND_OPINION = "tixun.bench.secondOpinion";

    @Option(names = "--warmup", defaultValue = "5")
    int warmup;

    @Option(names = "--rounds", defaultValue = "10")
    int rounds;

    @Option(names = "--cli-runs", defaultValue = "3", description = "verify runs in a fresh JVM (0 to skip)")
    int cliRuns;

    @Spec
    CommandSpec spec;

    public EvidenceBenchCommand() {
        // picocli instantiates commands reflectively
    }

    @Override
    public Integer call() throws Exception {
        QuietLogs.apply();
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("tixun-bench");
        InstitutionKeyStore keys = InstitutionKeyStore.create(dir.resolve("institution.p12"), "bench".toCharArray(),
                "基准测试检察院");
        try (EmbeddedTsa tsa = new EmbeddedTsa(keys.tsaCredential())) {
            Rfc3161Client client = new Rfc3161Client(tsa.start(0));
            byte[] frozen = SampleRecord.frozenPdf();
            SealRequest request = SampleRecord.request(frozen, 20);
            Sealer sealer = new Sealer(keys, client);
            Verifier verifier = new Verifier(List.of(keys.rootCertificate()));
            Method secondOpinion = secondOpinion();
            SealResult last = null;
            for (int i = 0; i < warmup; i++) {
                last = sealer.seal(request);
                verifier.verify("bench.pdf", last.sealedPdf());
                plainSignature(frozen, keys.sealCredential(), client);
                if (secondOpinion != null) {
                    secondOpinion.invoke(null, last.sealedPdf(), keys.rootCertificate());
                }
            }
            Map<String, List<Long>> perRevision = new LinkedHashMap<>();
            List<Long> total = new ArrayList<>();
            List<Long> verify = new ArrayList<>();
            List<Long> plain = new ArrayList<>();
            List<Long> dss = new ArrayList<>();
            boolean allPassed = true;
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                last = sealer.seal(request);
                total.add(System.nanoTime() - t0);
                for (SealResult.RevisionInfo r : last.revisions()) {
                    perRevision.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r.nanos());
                }
                t0 = System.nanoTime();
                VerificationReport report = verifier.verify("bench.pdf", last.sealedPdf());
                verify.add(System.nanoTime() - t0);
                allPassed &= report.ok();
                t0 = System.nanoTime();
                plainSignature(frozen, keys.sealCredential(), client);
                plain.add(System.nanoTime() - t0);
                if (secondOpinion != null) {
                    t0 = System.nanoTime();
                    allPassed &= (Boolean) secondOpinion.invoke(null, last.sealedPdf(), keys.rootCertificate());
                    dss.add(System.nanoTime() - t0);
                }
            }
            out.printf("Tixun evidence benchmark: 20-page record, %d signers, %d warm-up + %d rounds, medians%n%n",
                    last.revisions().size() - 4, warmup, rounds);
            out.printf("%-32s %10s %12s %12s %12s%n", "revision", "ms", "added KB", "photos KB", "fingerpr. KB");
            for (SealResult.RevisionInfo r : last.revisions()) {
                out.printf("%-32s %10.1f %12.1f %12.1f %12.1f%n", r.label(), median(perRevision.get(r.label())),
                        r.bytesAdded() / 1024.0, r.photoBytes() / 1024.0, r.fingerprintBytes() / 1024.0);
            }
            out.printf("%n%-44s %10.1f ms  (target <= 1000)%n", "whole record (all revisions)", median(total));
            out.printf("%-44s %10.1f ms  (target <= 150 each)%n", "slowest signer revision",
                    perRevision.entrySet().stream().filter(e -> !List.of("certification", "seal", "dss", "doc-timestamp")
                            .contains(e.getKey())).mapToDouble(e -> median(e.getValue())).max().orElse(0));
            out.printf("%-44s %10.1f ms  (target <= 300)%n", "verify in process", median(verify));
            out.printf("%-44s %10.1f ms%n", "baseline: plain iText B-T signature", median(plain));
            if (secondOpinion != null) {
                out.printf("%-44s %10.1f ms%n", "baseline: DSS validation of the sealed file", median(dss));
            } else {
                out.printf("%-44s %10s%n", "baseline: DSS validation", "n/a (DSS not on the class path)");
            }
            out.printf("%-44s %10.1f KB%n", "sealed file size", last.sealedPdf().length / 1024.0);
            if (cliRuns > 0) {
                Path file = dir.resolve("bench-sealed.pdf");
                Files.write(file, last.sealedPdf());
                Path anchor = dir.resolve("root.pem");
                Certificates.writePem(anchor, keys.rootCertificate());
                // As ./tixun runs verify: a short-lived JVM (C1 only, serial GC) with a class-data archive of verify's
                // classes, made by the first verify (untimed here, reported apart).
                Path jsa = dir.resolve("verify.jsa");
                List<String> flags = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off");
                long archiving = cliVerify(flags, "-XX:ArchiveClassesAtExit=" + jsa, file, anchor);
                allPassed &= archiving > 0;
                List<Long> cli = new ArrayList<>();
                List<Long> plainCli = new ArrayList<>();
                for (int i = 0; i < cliRuns; i++) {
                    long t = cliVerify(flags, "-XX:SharedArchiveFile=" + jsa, file, anchor);
                    allPassed &= t > 0;
                    cli.add(Math.abs(t));
                    long u = cliVerify(flags, "-Xshare:auto", file, anchor);
                    allPassed &= u > 0;
                    plainCli.add(Math.abs(u));
                }
                out.printf("%-44s %10.1f ms  (target <= 1500)%n", "verify from the command line (JVM start)",
                        median(cli));
                out.printf("%-44s %10.1f ms%n", "  the same without verify's class archive", median(plainCli));
                out.printf("%-44s %10.1f ms%n", "  first verify (makes the archive)", archiving / 1e6);
            }
            out.println(allPassed ? "\nall verifications passed" : "\nSOME VERIFICATION FAILED");
            out.flush();
            return allPassed ? 0 : 1;
        }
    }

    private static void plainSignature(byte[] pdf, IssuedCredential key, Rfc3161Client tsa) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
        PdfSigner signer = new PdfSigner(new com.itextpdf.kernel.pdf.PdfReader(new ByteArrayInputStream(pdf)), out,
                new com.itextpdf.kernel.pdf.StampingProperties().useAppendMode());
        signer.setSignerProperties(new SignerProperties().setFieldName("baseline").setPageNumber(1)
                .setPageRect(new Rectangle(0, 0, 0, 0)));
        signer.signDetached(new BouncyCastleDigest(), new PrivateKeySignature(key.privateKey(), "SHA256",
                Pki.provider().getName()), key.chainArray(), null, null, tsa, 8192, PdfSigner.CryptoStandard.CADES);
    }

    private static Method secondOpinion() {
        String name = System.getProperty(SECOND_OPINION);
        if (name == null) {
            return null;
        }
        try {
            return Class.forName(name).getMethod("totalPassed", byte[].class, X509Certificate.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("second-opinion validator not usable: " + name, e);
        }
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }

    /** One {@code tixun verify} in a JVM of its own; its wall time in nanoseconds, negative if it did not pass. */
    private static long cliVerify(List<String> flags, String archive, Path file, Path anchor) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add(archive);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EvidenceCli.class.getName(), "verify",
                file.toString(), "-t", anchor.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        long t = System.nanoTime() - t0;
        return p.exitValue() == 0 ? t : -t;
    }
}
