// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tixun.core.pki.Pki;
import org.tixun.core.pki.Receipt;
import org.tixun.core.sync.SyncFixtures;

/** The reference gateway answers every call of case-system-api.md v1 as written. */
class GatewayContractTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;
    GatewayServer gateway;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void fixtures() throws Exception {
        SyncFixtures.init();
    }

    @BeforeEach
    void start() throws Exception {
        gateway = GatewayServer.start(SyncFixtures.gatewayConfig(tmp), List.of());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    HttpResponse<String> send(String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String digest(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(Pki.sha256(body)) + ":";
    }

    @Test
    void recordingUploadIsResumableAndContentAddressed() throws Exception {
        byte[] data = new byte[10_000];
        new java.util.Random(5).nextBytes(data);
        String sha = Pki.sha256Hex(data);
        String path = "api/v1/recordings/" + sha;
        assertThat(send("HEAD", path, null).statusCode()).isEqualTo(404);

        HttpResponse<String> first = send("PUT", path, Arrays.copyOfRange(data, 0, 4000),
                "Content-Range", "bytes 0-3999/10000", "Content-Type", "application/octet-stream");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("X-Received-Bytes")).hasValue("4000");
        HttpResponse<String> head = send("HEAD", path, null);
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("X-Received-Bytes")).hasValue("4000");

        HttpResponse<String> wrongOffset = send("PUT", path, Arrays.copyOfRange(data, 5000, 10000),
                "Content-Range", "bytes 5000-9999/10000");
        assertThat(wrongOffset.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(wrongOffset.body()).get("receivedBytes").asLong()).isEqualTo(4000);

        assertThat(send("PUT", path, Arrays.copyOfRange(data, 4000, 10000),
                "Content-Range", "bytes 4000-9999/10000").statusCode()).isEqualTo(201);
        HttpResponse<String> complete = send("HEAD", path, null);
        assertThat(complete.statusCode()).isEqualTo(200);
        assertThat(complete.headers().firstValue("X-Received-Bytes")).hasValue("10000");
        assertThat(send("PUT", path, Arrays.copyOfRange(data, 0, 10), "Content-Range", "bytes 0-9/10000")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void recordingWithWrongHashIsDiscarded() throws Exception {
        byte[] data = "not what the name says".getBytes(StandardCharsets.UTF_8);
        String path = "api/v1/recordings/" + "0".repeat(64);
        assertThat(send("PUT", path, data, "Content-Range", "bytes 0-" + (data.length - 1) + "/" + data.length)
                .statusCode()).isEqualTo(422);
        assertThat(send("HEAD", path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void documentIsCheckedAndStoredOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String path = "api/v1/records/" + id + "/document";
        byte[] pdf = SyncFixtures.sealedPdf();
        assertThat(send("PUT", path, pdf, "Content-Type", "application/pdf", "Content-Digest",
                digest("other".getBytes())).statusCode()).isEqualTo(422);
        byte[] notPdf = "hello".getBytes();
        assertThat(send("PUT", path, notPdf, "Content-Digest", digest(notPdf)).body()).contains("not a PDF");
        byte[] tampered = SyncFixtures.tamperedPdf();
        HttpResponse<String> refused = send("PUT", path, tampered, "Content-Digest", digest(tampered));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("does not verify");

        assertThat(send("PUT", path, pdf, "Content-Digest", digest(pdf)).statusCode()).isEqualTo(201);
        assertThat(send("PUT", path, pdf, "Content-Digest", digest(pdf)).statusCode()).isEqualTo(200);
        byte[] other = pdf.clone();
        other[other.length - 2] = '\n';
        assertThat(send("PUT", path, other, "Content-Digest", digest(other)).statusCode()).isEqualTo(409);
    }

    @Test
    void manifestRegistersOnceAndReceiptIsSigned() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] pdf = SyncFixtures.sealedPdf();
        String docSha = Pki.sha256Hex(pdf);
        ObjectNode m = JSON.createObjectNode().put("recordId", id).put("caseNumber", "测检〔2026〕1号")
                .put("kind", "INTERROGATION_RECORD").put("title", "讯问笔录").put("sealedAt", "2026-11-22T10:15:30Z")
                .put("documentSha256", docSha).put("documentSize", pdf.length);
        m.putArray("participants").addObject().put("role", "SUSPECT").put("name", "李某某");
        m.putArray("recordings");
        m.putNull("recordingChainHead");
        byte[] manifest = m.toString().getBytes(StandardCharsets.UTF_8);
        String path = "api/v1/records/" + id;

        HttpResponse<String> missing = send("PUT", path, manifest, "Content-Type", "application/json");
        assertThat(missing.statusCode()).isEqualTo(412);
        assertThat(missing.body()).contains("document " + docSha);
        assertThat(send("PUT", path, "{\"recordId\":\"x\"}".getBytes(), "Content-Type", "application/json")
                .statusCode()).isEqualTo(422);
        assertThat(send("GET", path + "/receipt", null).statusCode()).isEqualTo(404);

        send("PUT", path + "/document", pdf, "Content-Digest", digest(pdf));
        HttpResponse<String> created = send("PUT", path, manifest, "Content-Type", "application/json");
        assertThat(created.statusCode()).isEqualTo(201);
        Receipt receipt = Receipt.fromJson(created.body());
        assertThat(receipt.documentSha256()).isEqualTo(docSha);
        assertThat(receipt.signatureValid(gateway.receiptCertificate())).isTrue();
        assertThat(new Receipt(receipt.recordId(), "f".repeat(64), receipt.receivedAt(), receipt.receiptId(),
                receipt.signature()).signatureValid(gateway.receiptCertificate())).isFalse();

        HttpResponse<String> again = send("PUT", path, manifest, "Content-Type", "application/json");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(send("GET", path + "/receipt", null).body()).isEqualTo(created.body());
        JsonNode changed = m.deepCopy().put("title", "别的标题");
        assertThat(send("PUT", path, changed.toString().getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(409);
    }
}
