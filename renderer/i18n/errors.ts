import { useCallback } from 'react'
import { isFolioErrorData, type ErrorCode, type MessageParams, type MessageReason, type Said } from '../../shared/errors'
import type { HeaderErrorCode, HeaderErrorReason } from '../../shared/frontmatter/types'
import { useI18n } from './i18n'
import type { UiLocale } from '../../shared/contract'
import { headerErrorLine } from './header-errors'
import { STRINGS, format } from './strings'
import { isolated, withOutput } from './tool-output'

/**
 * Errors from the main process carry an English message that names the file and what to do
 * (the command line prints it). In another UI language the sentence is chosen by the error's
 * reason and filled with its params, else by its code, with the same file.
 */
const BY_CODE: Partial<Record<UiLocale, Record<ErrorCode, string>>> = {
  'zh-CN': {
    NO_FOLDER: '尚未打开文件夹。请先打开一个内容文件夹。',
    NOT_FOUND: '找不到 {path}。它可能已被移动或删除，请刷新文章列表。',
    EXISTS: '{path} 已存在。请换一个名字。',
    OUTSIDE_ROOT: '{path} 不在打开的文件夹内，已拒绝访问。',
    INVALID_PATH: '路径 {path} 无效。',
    CONFLICT: '{path} 在你打开后已被其他程序更改。请选择保留哪个版本。',
    INVALID_UTF8: '{path} 不是有效的 UTF-8 文本，只能查看，不能保存。',
    READ_ONLY: '{path} 是只读的，无法保存。',
    HEADER_PARSE: '{path} 的头部无法解析，请先在正文中修正它。',
    BAD_ARGUMENT: 'Folio 拒绝了一个无效的请求。',
    FORBIDDEN: '已拒绝一个不是来自 Folio 窗口的请求。',
    CANCELLED: '已取消。',
    NOT_TRUSTED: '启动站点服务器会运行这个站点的代码，请先为此文件夹同意这样做。',
    IO: '读写 {path} 时出错。',
    CANNOT_OPEN: 'Folio 无法打开 {path}：它不存在，或不是本机上的文件夹或 Markdown 文章。',
  },
}

const ZH_REASON: Record<MessageReason, string> = {
  'file-missing': '无法{doing} {path}：文件不存在（已被移动或删除？）。请刷新文章列表。',
  'is-folder': '无法{doing} {path}：它是文件夹，不是文件。',
  'not-regular': '无法{doing} {path}：它是{kind}，不是普通文件。Folio 只打开普通文件，请删除或重命名它。',
  io: '无法{doing}{path}：{errno}',
  'folder-gone': '无法{doing} {path}：打开的文件夹 {root} 已不存在（被移动、重命名或删除？）。没有写入任何内容。请找到该文件夹，或关闭它。',
  'outside-folder': '已拒绝路径“{path}”：它指向打开的文件夹之外。请使用文件夹内的路径。',
  'changed-since-opened': '{path} 在打开后已在磁盘上被更改。请重新载入、保留你的版本，或比较两者。',
  'changed-during-edit': '{path} 在编辑期间被其他程序更改，已保留那个程序写入的内容。请再执行一次这个编辑。',
  'utf-16': '{path} 是 UTF-16 编码的。Folio 只编辑 UTF-8，请把文件转换成 UTF-8 再编辑。',
  'not-utf-8': '{path} 不是有效的 UTF-8（可能是 Latin-1 或 GBK），以只读方式显示，保存不会损坏它。请转换成 UTF-8 再编辑。',
  'cr-only': '{path} 的行只以 CR 结尾（经典 Mac OS）。Folio 保持换行符原样，无法编辑这种文件；请把换行符转换成 LF 再编辑。',
  'too-large': '{path} 有 {size} MB：超过 {max} MB 的文章以只读方式打开，因为在这么大的文件里打字会卡顿。请拆分它，或用纯文本编辑器编辑。',
  'no-write-permission': '{path} 是只读的（它的权限不允许写入）。设为可写后才能保存修改，或把文字复制到别处。',
  'other-owner': '{path} 属于另一个用户（uid {uid}），保存会把它变成你的文件。请联系它的所有者，或把文字复制到别处。',
  'name-taken': '无法保存 {path}：同名文件已存在。请换一个名字。',
  'rename-taken': '无法把 {from} 重命名为 {to}：同名的文件已存在。请换一个名字。',
  'no-extension': '“{to}”没有扩展名，网站不会把它当作文章读取。请输入以 {ext} 结尾的名字。',
  'asset-folder-taken':
    '无法把 {from} 重命名为 {to}：它的资源文件夹会移到已存在的 {folder}（可能是以前的文章留下的空文件夹）。请删除或重命名那个文件夹后再试。',
  'preview-gone': '这个预览已不可用（已应用，或已过期）。请重新预览。',
  'export-into-folder': '无法导出到“{dir}”：它包含打开的文件夹。请选择别处的空文件夹，或在其中新建一个文件夹。',
  'nothing-to-export': '“{folder}”中没有可导出的文章。请添加文章，或包含草稿。',
  'export-header': '{path} 的头部无法解析：{header}。请修正头部后再导出。',
  'pdf-unavailable': '这里无法打印 PDF。请导出为 HTML，再在浏览器中打印该页面。',
  'upload-command': '上传命令“{command}”无法运行：{why}。请在图片设置中改正它。',
  'upload-failed': '上传 {name} 失败：{what}。{silent}请检查图片设置中的命令（以及图床是否接受你的请求），然后重新插入图片。没有插入任何内容。',
  'image-too-large': '{name} 有 {size}，Folio 只插入不超过 {max} 的图片。请先缩小它。没有复制任何文件。',
  'image-too-many-pixels': '{name} 超过 {megapixels} 百万像素，这是 Folio 能插入的上限。请先缩小它。没有复制任何文件。',
  'image-unreadable': '{name} 无法作为图片读取，文件可能已损坏。请在图片编辑器中打开并另存，再插入那份副本。没有复制任何文件。',
  'image-name-path': '已拒绝图片名“{name}”：名字不能指向其他文件夹。请重命名文件后再插入。',
  'image-folder-read-only': '无法把图片复制到 {where}：文件夹是只读的。请设为可写后再插入图片。没有复制任何文件。',
  'disk-full': '无法把图片复制到 {where}：磁盘已满。没有复制任何文件。',
  'image-copy-failed': '无法把图片复制到 {where}：{errno}没有复制任何文件。',
  'image-link-left':
    '{detail} 指向 {name} 的链接留在了 {path} 中：图片失败之前，那篇文章已保存并关闭，Folio 不会在背后改动已关闭的文件。请打开 {path} 删除这个链接，或重新插入图片。',
  'export-theme': '无法读取导出主题“{theme}”。请重新安装 Folio，或指定一个存在的主题。',
  'git-no-repository': '{root} 不在 Git 仓库中。',
  'git-not-article': '“{path}”不是这个文件夹中的文章。',
  'git-busy': 'Git 还在执行上一次拉取、推送或提交。请等它完成或停止它，然后再试。',
  'git-mid-operation': 'Git 正处于未完成的 {operation} 中。请先在 Git 中完成它（git {operation} --continue，或 --abort），再从 Folio 提交。',
  'git-nothing-chosen': '请至少选择一篇要提交的文章。',
  'git-no-message': '请先写提交说明。',
  'git-failed': '{detail}',
  'bulk-undo-gone': '没有可撤销的批量编辑 {id}（可能已撤销过）。',
  'bulk-undo-elsewhere': '这次批量编辑是在 {root} 中进行的。请打开那个文件夹再撤销。',
  'bundle-undo-changed':
    '无法撤销把 {from} 改为页面包 {to}：{paths} 在那之后有改动，撤销会覆盖或删除这些改动。没有做任何更改。如果仍要撤销，请手动把 {to} 改回原名。',
  'bundle-undo-taken': '无法撤销把 {from} 改为页面包：现在已有名为 {from} 的文件。没有做任何更改。请重命名或删除它，然后再撤销。',
  'value-empty': '{what}是空的。请输入一个值。',
  'same-name': '“{value}”已经是这个名字了。请输入一个不同的名字。',
  'merge-nothing': '请至少选择一个要合并的值（合并目标除外）。',
  'categories-flat': '只有 Hexo 站点的分类可以嵌套；请改为重命名这个分类。',
  'category-none': '请选择要移动的分类。',
  'category-into-itself': '不能把 {category} 移到它自己里面。请选择另一个上级分类。',
  'not-in-folder': '{path} 不是这个文件夹中的文章。请刷新文章列表后重新选择。',
  'numbered-names-full': '无法创建 {name}：同名的编号文件已有 99 个。请换一个标题。',
  'read-back-failed': '{path} 已写入，但无法读回。',
  'title-needed': '新文章需要一个标题。',
  'rename-folder': '无法重命名 {path}：它是文件夹。请逐篇重命名文章。',
  'folder-exists': '无法创建文件夹 {path}：它已存在。',
  'bad-regex': '正则表达式无效。',
  'publish-busy': '发布命令仍在运行。请等它完成或停止它，然后再运行。',
  'key-exists': '头部已经有键“{key}”。',
  'map-not-list': '“{key}”是映射，不是列表。',
  'no-list-item': '“{key}”没有第 {index} 项。',
  'header-tabs': '头部用制表符缩进，Hexo 把每个制表符读作两个空格，这次编辑会改变 Hexo 对其他行的读法。请先把制表符换成空格。',
  'header-unparsed': '头部无法解析（第 {line} 行）。请把它当作文本编辑。',
  'header-not-read': '站点不会读取这个头部（第 {line} 行），Folio 保持原样。',
  'code-outside': '{path} 在站点的代码文件夹（{folder}）之外。',
  'code-not-in-site': '{path} 不在站点文件夹中：Hexo 会因“文件不存在”而停止。请把文件放到那里，或改正路径。',
  'code-is-folder': '{path} 是文件夹，不是文件。',
  'code-too-large': '{path} 有 {size} KB，太大，无法在预览中显示。',
  'code-missing': '{path} 不存在：Hexo 会因“文件不存在”而停止。',
  'code-not-utf-8': '{path} 不是 UTF-8 文本。',
  'code-not-regular': '{path} 不是普通文件，预览无法显示它。',
  'code-unreadable': '无法读取 {path}。请检查它是否存在、是否可读。',
  'jekyll-no-file': 'Jekyll 会停止：站点中没有文件 {path}。',
  'jekyll-no-post': 'Jekyll 会停止：_posts 中没有名为 {name} 的文章。',
  'hexo-no-post': 'Hexo 会停止：没有名为 {slug} 的文章（找不到文章）。',
  'hexo-no-post-path': 'Hexo 在这里什么也不输出：没有名为 {slug} 的文章。',
  'hugo-no-param': 'Hugo 会停止：参数“{key}”既没有在这个页面中设置，也没有在站点的 params 中设置。',
  'no-folder': '尚未打开文件夹。请先打开一个内容文件夹。',
  'folder-unopenable': '无法打开文件夹 {root}：{errno}请选择一个存在的文件夹。',
  'site-not-trusted': '启动站点服务器会运行这个站点自己的代码。请先为此文件夹同意这样做。',
  'sender-refused': '已拒绝一个不是来自 Folio 窗口的请求。',
  'not-connected': 'Folio 的窗口没有连接到它的主进程。请重新启动 Folio。',
  'bad-argument': 'Folio 拒绝了一个无效的内部请求。请重试；如果再次出现，请报告这个问题。',
  unexpected: '出现了意外错误。请重试；如果再次出现，请查看 Folio 的日志文件并报告这个问题。',
  'cannot-open': '{sentence}',
  'bad-path': '已拒绝路径“{path}”：{why}',
  'owner-not-kept': '无法保存 {path}：保存会改变它的所有者和组（{uid}:{gid}），而 Folio 无法保留它们。请把文字复制到别处。',
  'owner-only-chmod': '无法把 {path} 设为可写：它属于另一个用户（uid {uid}），只有该用户能更改它的权限。请联系它的所有者，或把文字复制到别处。',
  'create-folder-gone': '打开的文件夹 {root} 已不存在（被移动、重命名或删除？）。没有创建任何内容。请关闭它，或从它现在的位置重新打开。',
  'not-a-file': '无法{doing} {path}：它不是这个文件夹中的文件（已被移动或删除？）。请刷新文章列表。',
  'cli-no-trash': '命令行从不删除文件。',
  'export-missing': '无法导出“{path}”：它不存在。请选择一篇文章，或一个文章文件夹。',
  'export-not-article': '“{path}”不是文章文件。请指定文章文件，或把整个文件夹导出为站点。',
  'export-unreadable': '无法读取 {path}，没有导出它：{errno}请确认文件存在且可读，然后再导出。',
  'export-failed': '导出 {path} 失败：{errno}请处理后再导出。',
  'export-cancelled': '{path} 的导出已取消。',
  'export-running': '编号为“{id}”的导出仍在运行。每次导出请使用新的编号。',
  'export-site-all': '站点要从整个文件夹导出：请选择全部文章。',
  'no-clipboard': '这里没有可以复制到的剪贴板。',
  'image-name-appeared': '无法复制 {name}：准备期间，{folder}中出现了同名文件 {file}。请重新插入。没有复制任何文件。',
  'image-names-full': '无法复制 {name}：{folder} 中已有 {count} 个同名文件。请先给它改个名字。没有复制任何文件。',
  'image-svg-empty': '{name} 去掉脚本后不再包含任何 SVG 图像内容。没有复制任何文件。',
  'image-not-full-path': '无法插入 {name}：“{file}”不是文件的完整路径。没有复制任何文件。',
  'image-gone': '无法插入 {file}：它已不在原处（被移动或删除？）。请重新选择文件。没有复制任何文件。',
  'not-handed-over': '无法插入 {file}：Folio 只读取拖入或粘贴进来的文件。请重新拖入该文件，或用“插入图片”选择它。没有复制任何文件。',
  'move-not-inside': '“{path}”不是文件夹内的路径。请输入像 posts/new-name.md 这样的路径。',
  'setting-refused': '{path}{at}：{key}“{value}”{what}，Folio 改用{instead}。请把这个设置改成站点文件夹内的路径。',
  'eleventy-code': '{path} 是用 JavaScript 写的 Eleventy 数据文件：Folio 不运行站点的代码，所以不显示它计算出的标签。',
  'eleventy-json': '{path} 无法作为 JSON 读取，所以不显示它给出的标签；Eleventy 也会因它停止。请修正这个文件，然后重新打开文件夹。',
  'folder-unlistable': '无法列出{path}的内容，其中的文章没有显示：{errno}请给自己读取它的权限，然后重新打开文件夹。',
  'links-skipped': '{sentence}',
  'left-asset-outside': '{file} 在文章的资源文件夹之外，资源标签无法引用它',
  'left-no-path': '从 {moved} 出发，没有路径能到达 {file}',
  'left-not-under-posts': '{file} 不在 _posts 下，而 {kind} 只在那里查找',
  'left-no-target': '从 {moved} 出发，{kind} 找不到 {file}',
  'nothing-to-find': '没有要查找的内容。请输入要替换的文字。',
  'header-no-fences': '开头几行看起来像缺少分隔线的头部。请先把它们当作文本修正，再添加字段。',
  'header-none': '这篇文章没有头部。',
  'list-item-not-editable': '这个列表项无法就地编辑。请把它当作文本编辑。',
  'toml-table': '“{key}”是 TOML 表或带点的键。请把它当作文本编辑。',
  'toml-no-null': 'TOML 没有空值。请改为删除这个键。',
}

/** What was left empty (the `what` param of value-empty). */
const ZH_WHAT: Record<string, string> = { 'new value': '新值', 'value to merge into': '合并目标', 'field name': '字段名', value: '值' }

/** What was being done, as the main process names it (the `doing` param). */
const ZH_DOING: Record<string, string> = {
  read: '读取',
  save: '保存',
  rename: '重命名',
  move: '移动',
  'move to the trash': '移到废纸篓',
  'create the folder': '创建文件夹',
  create: '创建',
  duplicate: '复制',
  'make writable': '设为可写',
  insert: '插入',
  open: '打开',
  write: '写入',
  list: '列出',
  'remove the folder': '删除文件夹',
  delete: '删除',
  copy: '复制',
  'look at': '访问',
  run: '运行',
  use: '使用',
}

const ZH_KIND: Record<string, string> = { fifo: '命名管道（FIFO）', socket: '套接字', device: '设备文件', link: '符号链接', other: '特殊文件' }

/** The system's refusals a writer meets, by errno. */
const ZH_ERRNO: Record<string, string> = {
  EACCES: '没有权限。请检查文件和所在文件夹的权限。',
  EPERM: '系统不允许这个操作。请检查文件和所在文件夹的权限。',
  EROFS: '它所在的磁盘是只读的。',
  ENOSPC: '磁盘已满。请腾出空间后再试。',
  EBUSY: '文件正被其他程序占用。请关闭那个程序后再试。',
  EMFILE: '打开的文件太多。请稍后再试。',
  ENAMETOOLONG: '名字太长。请换一个短一些的名字。',
  EEXIST: '同名的文件已存在。',
  ENOTDIR: '路径中有一段不是文件夹。',
  EIO: '磁盘读写出错。',
  ENOENT: '文件或文件夹不存在。',
  EISDIR: '这是一个文件夹，不是文件。',
  ENOTEMPTY: '文件夹不是空的。',
  EXDEV: '不能跨磁盘移动。',
  ELOOP: '符号链接循环引用。',
  EINVAL: '参数无效。',
  EAGAIN: '资源暂时不可用。请稍后再试。',
  ETIMEDOUT: '操作超时。请稍后再试。',
  ETXTBSY: '文件正被其他程序使用。请关闭那个程序后再试。',
  EDQUOT: '磁盘配额已用完。请腾出空间后再试。',
  EFBIG: '文件太大。',
  ENFILE: '系统打开的文件太多。请稍后再试。',
}

/** Why a commit, pull or push failed (electron/git/sync.ts's GitWhy), what happened and what to do; {verb} is 提交, 拉取 or 推送. */
const ZH_GIT: Record<string, string> = {
  identity: 'Git 不知道你是谁。请先设置一次你的名字和邮箱（git config --global user.name "…" 和 user.email "…"），然后再提交。',
  'nothing-to-commit': '{articles}没有可提交的内容：它们与上一次提交相同。',
  hook: '{articles}的提交被拒绝了，很可能是仓库的 {hooks} 钩子拒绝的。请修正它报告的问题，然后再提交。',
  commit: '{articles}的提交失败了。',
  conflict: '拉取到的更改与你的更改重叠。有冲突的文章已在文章列表中标出：逐篇打开并合并，然后提交。',
  'sign-in': 'Git 无法登录远程仓库{remote}。Folio 不保存密码：请在 Git 中为它设置凭据助手或 SSH 密钥，然后再试。',
  uncommitted: '拉取会覆盖你尚未提交的更改。请先提交（或撤销）它们，然后再拉取。',
  behind: '远程仓库有你还没有的提交。请先拉取，然后再推送。',
  'no-upstream': '这个分支还不在远程仓库上。请先用 git push -u 发布一次（例如 git push -u origin HEAD），然后再从 Folio 推送。',
  'no-remote': '这个仓库没有可{verb}的远程仓库。请用 git remote add 添加一个，或设置分支的上游，然后再试。',
  unreachable: 'Git 无法连接远程仓库{remote}。请检查网络和远程仓库的地址，然后再试。',
  stopped: '{verb}在完成前被停止了。',
  failed: '{verb}失败了。',
  command: '命令 {verb} 失败了。',
  'not-installed': '没有安装 Git（找不到 git 命令）。请安装 Git，才能在 Folio 中查看更改、提交和发布。',
}
const ZH_GIT_VERB: Record<string, string> = { commit: '提交', pull: '拉取', push: '推送' }

/** Why something asked to open cannot be (electron/app/lifecycle.ts's cannotOpen). */
const ZH_CANNOT_OPEN: Record<string, string> = {
  uri: 'Folio 无法把“{path}”读作文件地址：其中有损坏的 % 转义或编码的“/”。请改从 Folio 中打开这个文件。',
  'not-local': 'Folio 只能打开本机上的文件夹和文章，无法打开“{path}”。',
  missing: 'Folio 无法打开“{path}”：没有这个文件或文件夹，它可能已被移动或删除。',
  'not-article': 'Folio 无法打开“{path}”：它既不是文件夹，也不是文章（.md、.markdown、.mdx，或带头部的 .html/.txt）。',
  'last-gone': '上次打开的文件夹“{path}”已不存在或无法读取。请从它现在的位置重新打开，或选择另一个文件夹。',
}

/** Files the listing left out, by why (electron/workspace/scan.ts's Skipped). */
const ZH_SKIPPED: Record<string, string> = {
  'folder-link':
    '没有跟随 {count} 个指向文件夹的链接（{names}）：链接可能绕成一个圈，所以 Folio 只读取真实的文件夹。请单独打开链接指向的文件夹，或把文件夹本身放到这里。',
  'outside-link': '跳过了 {count} 个指向此文件夹之外文件的链接（{names}）：Folio 只编辑你打开的文件夹内的文件。请打开它们指向的文件夹，或把文件复制进来。',
  'dangling-link': '跳过了 {count} 个无效链接（{names}）：链接指向的文件不存在。请修正或删除链接。',
  vanished: '有 {count} 个文件在 Folio 读取文件夹时被移动或删除（{names}），因此没有列出。如果它们回来了，请重新打开文件夹。',
}

/** Why a path was refused (electron/workspace/guard.ts's invalid). */
const ZH_BAD_PATH: Record<string, string> = {
  'not-string': '它不是字符串。',
  nul: '它包含空字符。',
  backslash: '请使用正斜杠（/），反斜杠在这里不是路径分隔符。',
  drive: '不允许使用盘符，请使用相对于文件夹的路径。',
  absolute: '不允许使用绝对路径，请使用相对于文件夹的路径。',
  root: '它指的是文件夹本身，而不是其中的文件。',
}

/**
 * The system's refusal by its errno. A code outside the table is said as a refusal Folio cannot
 * explain; the code itself, with the system's words, follows the sentence set apart (zhOutput).
 */
function zhErrno(errno: string): string {
  return ZH_ERRNO[errno] ?? (errno ? '系统拒绝了这个操作，Folio 不认识它给出的原因代码。' : '出现了意外错误。')
}

/** What to do after a refusal nobody can name (the io sentence says nothing more). */
const ZH_UNNAMED_ADVICE = '请确认文件所在的磁盘仍然可用、你有权限使用这个文件，然后再试。'
/** The same in English: the main process's message would put the bare code where the reason goes. */
const EN_UNNAMED_IO =
  'Could not {doing} {path}: the system refused with a code Folio does not know. Check that the disk is still available and that you may use this file, then try again.'

/** Reasons that name the system's refusal by its errno. */
const ERRNO_REASONS = new Set<MessageReason>(['io', 'export-failed', 'export-unreadable', 'folder-unopenable', 'folder-unlistable', 'image-copy-failed'])

/** An errno the sentences have no words for (EXYZ): said as unexplained, its code shown as the system's words. */
function unnamedErrno(reason: MessageReason, errno: string): boolean {
  if (!ERRNO_REASONS.has(reason) || errno === '' || errno in ZH_ERRNO) return false
  return !(reason === 'folder-unopenable' && (errno === 'ENOENT' || errno === 'ENOTDIR'))
}

/** The system's words about a refusal, with its code: the code alone when it said nothing more. */
function errnoWords(errno: string, detail: string): string {
  if (detail.trim() === '') return errno
  return detail.includes(errno) ? detail : `${errno}: ${detail}`
}

/** Why a command could not start, by the system's code. */
const ZH_NOT_STARTED: Record<string, string> = {
  ENOENT: '找不到这个命令',
  EACCES: '没有运行它的权限',
  EPERM: '系统不允许运行它',
  ENOEXEC: '它不是可以运行的程序',
}

const ZH_LABEL = STRINGS['zh-CN']

/**
 * The tool's own words a reason carries (git's output, an upload command's, an error's English),
 * to show after the sentence, set apart under a Chinese label: they cannot be translated.
 */
function zhOutput(reason: MessageReason, params: MessageParams): { label: string; text: string } | null {
  const value = (key: string) => String(params[key] ?? '')
  if (reason === 'git-failed') return { label: ZH_LABEL.outputOfGit, text: ZH_GIT[value('why')] ? value('output') : value('detail') }
  if (reason === 'upload-failed') {
    if (value('how') === 'start' && !ZH_NOT_STARTED[value('errno')]) return { label: ZH_LABEL.outputOfError, text: value('detail') }
    return { label: ZH_LABEL.outputOfCommand, text: value('output') }
  }
  if (reason === 'unexpected' || reason === 'bad-argument' || reason === 'bad-regex') return { label: ZH_LABEL.outputOfError, text: value('detail') }
  // The system's words when no errno names the failure, or one the sentence could not name (with its code).
  if (ERRNO_REASONS.has(reason) && !value('errno')) return { label: ZH_LABEL.outputOfError, text: value('detail') }
  if (unnamedErrno(reason, value('errno'))) return { label: ZH_LABEL.outputOfError, text: errnoWords(value('errno'), value('detail')) }
  return null
}

/** The params as the sentence shows them: actions, kinds and causes in Chinese too. */
function zhParams(reason: MessageReason, params: MessageParams, path: string): MessageParams {
  const value = (key: string) => String(params[key] ?? '')
  const shown: MessageParams = { ...params, path: params.path ?? path }
  if ('doing' in params) shown.doing = ZH_DOING[value('doing')] ?? value('doing')
  if (reason === 'not-regular') shown.kind = ZH_KIND[value('kind')] ?? ZH_KIND.other ?? ''
  if (reason === 'io') {
    // An errno outside the table is said as unexplained, with what to do; its code follows the sentence (zhOutput).
    shown.errno = zhErrno(value('errno')) + (unnamedErrno(reason, value('errno')) ? ZH_UNNAMED_ADVICE : '')
    // The system does not always say which file (reading a folder as a file names none).
    shown.path = shown.path ? ` ${String(shown.path)}` : ''
  }
  if (reason === 'export-failed' || reason === 'export-unreadable' || reason === 'image-copy-failed') shown.errno = zhErrno(value('errno'))
  if (reason === 'folder-unopenable')
    shown.errno = value('errno') === 'ENOENT' ? '它不存在。' : value('errno') === 'ENOTDIR' ? '它是文件，不是文件夹。' : zhErrno(value('errno'))
  if (reason === 'cannot-open') shown.sentence = format(ZH_CANNOT_OPEN[value('why')] ?? ZH_CANNOT_OPEN.missing ?? '', { path: value('path') })
  if (reason === 'bad-path') shown.why = ZH_BAD_PATH[value('why')] ?? ''
  // The author's names inside the sentence (a setting's key and value, a slug, a param), marked as theirs.
  if (reason === 'setting-refused' || reason === 'hugo-no-param') shown.key = isolated(value('key'))
  if (reason === 'hexo-no-post' || reason === 'hexo-no-post-path') shown.slug = isolated(value('slug'))
  if (reason === 'jekyll-no-post') shown.name = isolated(value('name'))
  if (reason === 'setting-refused') {
    shown.value = isolated(value('value'))
    shown.at = value('line') ? ` 第 ${value('line')} 行` : ''
    shown.what = value('why') === 'not-article' ? '不会生成文章文件' : '指向文件夹之外'
    shown.instead = value('instead') ? `“${value('instead')}”` : '文件夹本身'
  }
  if (reason === 'folder-unlistable') {
    shown.path = value('path') ? ` ${value('path')} ` : '文件夹本身'
    shown.errno = zhErrno(value('errno'))
  }
  if (reason === 'links-skipped') {
    const names = value('names').split('\n')
    const more = Number(params.count) - names.length
    shown.sentence = format(ZH_SKIPPED[value('why')] ?? ZH_SKIPPED.vanished ?? '', {
      count: value('count'),
      names: names.join('、') + (more > 0 ? `，另有 ${more} 个` : ''),
    })
  }
  if (reason === 'image-name-appeared') shown.folder = value('folder') ? `${value('folder')} ` : '文件夹'
  if (reason === 'value-empty') shown.what = ZH_WHAT[value('what')] ?? value('what')
  if ('name' in params && value('name') === '') shown.name = '粘贴的图片'
  if (reason === 'export-header') {
    shown.header = headerErrorLine(
      {
        code: value('code') as HeaderErrorCode,
        message: value('detail'),
        line: Number(params.line),
        column: Number(params.column),
        ...(params.reason ? { reason: value('reason') as HeaderErrorReason } : {}),
        ...(params.subject !== undefined ? { subject: value('subject') } : {}),
      },
      'zh-CN',
    )
  }
  if (reason === 'git-failed') {
    const why = ZH_GIT[value('why')]
    // Git's own output follows the sentence (zhOutput); a failure without a name is git's words alone.
    shown.detail = why
      ? format(why, {
          hooks: value('hooks') && isolated(value('hooks')),
          remote: value('remote') ? `（${value('remote')}）` : '',
          verb: ZH_GIT_VERB[value('verb')] ?? value('verb'),
          // The articles a commit was of, by path; older messages name none.
          articles: value('articles') ? `${value('articles').split('\n').join('、')} ` : '所选文章',
        })
      : 'Git 操作失败。'
  }
  if (reason === 'upload-command') shown.why = params.quote ? `引号 ${value('quote')} 没有闭合` : '命令是空的'
  if (reason === 'upload-failed') {
    const how = value('how')
    shown.what =
      how === 'start'
        ? `“${value('command')}”无法启动${ZH_NOT_STARTED[value('errno')] ? `：${ZH_NOT_STARTED[value('errno')]}` : ''}`
        : how === 'timeout'
          ? `“${value('command')}”在 ${value('seconds')} 秒内没有完成，已被停止`
          : how === 'status'
            ? `“${value('command')}”以退出状态 ${value('status')} 结束`
            : `“${value('command')}”没有输出以 ${isolated('http://')} 或 ${isolated('https://')} 开头的网址`
    // Its output follows the sentence (zhOutput); that it printed nothing is said here.
    shown.silent = how !== 'start' && value('output').trim() === '' ? '它没有任何输出。' : ''
  }
  return shown
}

/** A named sentence from the main process in the UI's language; null when that language has none (English: the message). */
export function saidText(said: Said & { path?: string }, locale: UiLocale): string | null {
  if (locale !== 'zh-CN') return englishUnnamedIo(said)
  const sentence = format(ZH_REASON[said.reason], zhParams(said.reason, said.params, said.path ?? ''), locale)
  const output = zhOutput(said.reason, said.params)
  return output ? withOutput(sentence, output.label, output.text) : sentence
}

/** An io refusal by an errno nobody has words for, in English: what to do, then the code set apart as the system's words. */
function englishUnnamedIo(said: Said & { path?: string }): string | null {
  const value = (key: string) => String(said.params[key] ?? '')
  if (said.reason !== 'io' || !unnamedErrno(said.reason, value('errno'))) return null
  const path = value('path') || said.path || 'a file'
  return withOutput(format(EN_UNNAMED_IO, { doing: value('doing'), path }), STRINGS.en.outputOfError, errnoWords(value('errno'), value('detail')))
}

export function errorText(error: unknown, locale: UiLocale): string {
  if (!isFolioErrorData(error)) {
    const words = error instanceof Error ? error.message : String(error)
    // Not one of Folio's errors: its words are English, shown set apart after the UI's sentence.
    return saidText({ reason: 'unexpected', params: { detail: words } }, locale) ?? words
  }
  if (error.reason && error.params) {
    const said = saidText({ reason: error.reason, params: error.params, path: error.path ?? '' }, locale)
    if (said !== null) return said
  }
  const template = BY_CODE[locale]?.[error.code]
  // A sentence about a file needs the file: without one, the main process's own words say more.
  if (!template || (template.includes('{path}') && !error.path)) return error.message
  // The main process's English follows the sentence, set apart, when the sentence cannot say it.
  const sentence = format(template, { path: error.path ?? '' }, locale)
  return error.code === 'IO' || error.code === 'BAD_ARGUMENT' ? withOutput(sentence, STRINGS[locale].outputOfError, error.message) : sentence
}

/** `(error) => text` in the UI's language. */
export function useErrorText(): (error: unknown) => string {
  const { locale } = useI18n()
  return useCallback((error: unknown) => errorText(error, locale), [locale])
}
