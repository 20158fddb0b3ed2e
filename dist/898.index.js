export const id = 898;
export const ids = [898];
export const modules = {

/***/ 50898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatIssues: () => (/* binding */ formatIssues),
/* harmony export */   validatePacket: () => (/* binding */ validatePacket),
/* harmony export */   validateResult: () => (/* binding */ validateResult)
/* harmony export */ });
/* harmony import */ var _contracts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59872);

/** One line per issue: `  - path.to.field: message`. */
function formatIssues(error) {
    return error.issues
        .map((i) => `  - ${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
        .join('\n');
}
/** Checks `value` against the SmokeResult schema; throws an Error listing every issue. */
function validateResult(value) {
    const parsed = _contracts_js__WEBPACK_IMPORTED_MODULE_0__/* .SmokeResult */ .bc.safeParse(value);
    if (parsed.success)
        return parsed.data;
    throw new Error(`SmokeResult does not match ${_contracts_js__WEBPACK_IMPORTED_MODULE_0__/* .SMOKE_RESULT_SCHEMA_ID */ .uA}:\n${formatIssues(parsed.error)}`);
}
/** Checks `value` against the EscalationPacket schema; throws an Error listing every issue. */
function validatePacket(value) {
    const parsed = _contracts_js__WEBPACK_IMPORTED_MODULE_0__/* .EscalationPacket */ .oB.safeParse(value);
    if (parsed.success)
        return parsed.data;
    throw new Error(`EscalationPacket does not match ${_contracts_js__WEBPACK_IMPORTED_MODULE_0__/* .ESCALATION_PACKET_SCHEMA_ID */ .RL}:\n${formatIssues(parsed.error)}`);
}


/***/ })

};
