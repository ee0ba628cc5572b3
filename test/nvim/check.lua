-- Route C of research/e2e-feasibility.md: neovim (0.7+) as a second, independent LSP client of the bundled
-- server over stdio. Opens AISEC_FILE, waits for aisec diagnostics, prints them, applies the preferred code
-- action for AISEC_RULE, writes the file and waits for that diagnostic to go away.
-- Run: nvim --headless --clean -c "luafile test/nvim/check.lua"   (env: AISEC_SERVER, AISEC_FILE, AISEC_RULE)
-- Output: one `RESULT <json>` line per step; `FAIL: <why>` and exit code 1 on failure.
local server = assert(os.getenv('AISEC_SERVER'), 'AISEC_SERVER not set')
local file = assert(os.getenv('AISEC_FILE'), 'AISEC_FILE not set')
local rule = os.getenv('AISEC_RULE') or 'AIS-COG-LOCAL-AUTH'
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function out(s) io.stdout:write(s .. '\n') end
local function result(step, value) out('RESULT ' .. vim.fn.json_encode({ step = step, ms = ms(), value = value })) end
local function fail(s) out('FAIL: ' .. s); vim.cmd('cquit 1') end

local client_id = vim.lsp.start_client({
  name = 'aisec',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  on_exit = function(code) if code ~= 0 then out('server exited ' .. code) end end,
})
if not client_id then fail('start_client failed') end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local function rule_diagnostics()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if (lsp.code or d.code) == rule then table.insert(found, d) end
  end
  return found
end

if not vim.wait(20000, function() return #rule_diagnostics() > 0 end, 20) then fail('no ' .. rule .. ' diagnostic within 20s') end
local listed = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(listed, {
    line = d.lnum, col = d.col, severity = vim.diagnostic.severity[d.severity], source = d.source,
    code = lsp.code or d.code, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL, message = d.message,
  })
end
result('diagnostics', listed)

-- Ask for code actions on the first diagnostic of the rule and apply the preferred one.
local target = rule_diagnostics()[1]
local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum)
local params = {
  textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  range = {
    start = { line = target.lnum, character = target.col },
    ['end'] = { line = target.end_lnum or target.lnum, character = target.end_col or target.col },
  },
  context = { diagnostics = line_diagnostics },
}
local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000)
local titles, preferred = {}, nil
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if action.isPreferred and action.edit and not preferred then preferred = action end
  end
end
result('actions', titles)
if not preferred then fail('no preferred code action') end
local client = vim.lsp.get_client_by_id(client_id)
vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding or 'utf-16')
vim.cmd('silent write')
result('applied', preferred.title)

if not vim.wait(20000, function() return #rule_diagnostics() == 0 end, 20) then fail(rule .. ' still reported after the fix') end
result('after', #vim.diagnostic.get(bufnr))
out('PASS')
vim.lsp.stop_client(client_id)
vim.cmd('qall!')
