#ifndef MOOTUI_COPENSSL_SHIM_H
#define MOOTUI_COPENSSL_SHIM_H
// OpenSSL 3 headers used by OpenDProtocol (SHA-1, MD5, AES, RSA PKCS#1 v1.5).
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/sha.h>
#include <openssl/md5.h>
#include <openssl/rand.h>

static inline int mt_evp_pkey_ctx_set_rsa_pkcs1(EVP_PKEY_CTX *ctx) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
}
#endif
