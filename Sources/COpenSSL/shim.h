#ifndef MOOTUI_COPENSSL_SHIM_H
#define MOOTUI_COPENSSL_SHIM_H
// OpenSSL 3 headers used by OpenDProtocol (SHA-1, MD5, AES, RSA PKCS#1 v1.5).
// The low-level SHA-1 calls are deprecated in OpenSSL 3 but, unlike EVP_Digest, keep their
// state on the stack: no allocation per frame (every received frame is checked).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/sha.h>
#include <openssl/md5.h>
#include <openssl/rand.h>

/// SHA-1 of `length` bytes at `data` into the 20 bytes at `out`; 1 on success.
static inline int mt_sha1(const void *data, size_t length, unsigned char *out) {
    SHA_CTX ctx;
    if (SHA1_Init(&ctx) != 1) return 0;
    if (length > 0 && SHA1_Update(&ctx, data, length) != 1) return 0;
    return SHA1_Final(out, &ctx);
}

static inline int mt_evp_pkey_ctx_set_rsa_pkcs1(EVP_PKEY_CTX *ctx) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
}
#endif
