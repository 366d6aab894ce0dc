/**
 * The emulator's own certificate authority and server certificate, made fresh at start: clients trust it
 * through {@link dev.jitelevate.emulator.PimEmulator#sslContext()} or the CA in the cloud profile.
 *
 * <pre>{@code
 * OkHttpClient okHttp = new OkHttpClient.Builder()
 *     .sslSocketFactory(emulator.sslContext().getSocketFactory(), emulator.trustManager())
 *     .build();
 * HttpClient azureHttp = new OkHttpAsyncHttpClientBuilder(okHttp).build();   // for any Azure SDK client
 * String caPem = emulator.caCertificatePem();                                 // for tools outside the JVM
 * }</pre>
 */
package dev.jitelevate.emulator.tls;
